import { createBrowserRouter, Navigate } from 'react-router';
import { AuthGate } from '../features/auth/auth-gate';
import { TodayPage } from '../features/today/today-page';
import { NotFoundPage } from './not-found-page';

/**
 * Today, the home page, is in the first bundle; every other page is its own chunk, loaded when it
 * is opened, so a signed-in Today starts with less than 250 KB of gzipped JavaScript
 * (bench/RESULTS.md). Charts (recharts) alone were half the bundle.
 */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <AuthGate />,
    children: [
      { index: true, element: <Navigate to="/today" replace /> },
      { path: 'today', element: <TodayPage /> },
      {
        path: 'contacts',
        lazy: async () => ({ Component: (await import('../features/contacts/contacts-page')).ContactsPage }),
      },
      {
        path: 'contacts/:id',
        lazy: async () => ({ Component: (await import('../features/contacts/contact-page')).ContactPage }),
      },
      {
        path: 'circles',
        lazy: async () => ({ Component: (await import('../features/circles/circles-page')).CirclesPage }),
      },
      {
        path: 'dashboard',
        lazy: async () => ({
          Component: (await import('../features/dashboard/dashboard-page')).DashboardPage,
        }),
      },
      {
        path: 'import',
        lazy: async () => ({ Component: (await import('../features/imports/import-page')).ImportPage }),
      },
      {
        path: 'updates',
        lazy: async () => ({ Component: (await import('../features/updates/updates-page')).UpdatesPage }),
      },
      {
        path: 'introductions',
        lazy: async () => ({
          Component: (await import('../features/introductions/introductions-page')).IntroductionsPage,
        }),
      },
      {
        path: 'resources',
        lazy: async () => ({
          Component: (await import('../features/resources/resources-page')).ResourcesPage,
        }),
      },
      {
        path: 'trips',
        lazy: async () => ({ Component: (await import('../features/trips/trips-page')).TripsPage }),
      },
      {
        path: 'settings',
        lazy: async () => ({ Component: (await import('../features/settings/settings-page')).SettingsPage }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
