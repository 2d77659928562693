import { createBrowserRouter, Navigate } from 'react-router';
import { AuthGate } from '../features/auth/auth-gate';
import { ContactPage } from '../features/contacts/contact-page';
import { ContactsPage } from '../features/contacts/contacts-page';
import { UpdatesPage } from '../features/email/updates-page';
import { ImportPage } from '../features/imports/import-page';
import { IntroductionsPage } from '../features/introductions/introductions-page';
import { ResourcesPage } from '../features/resources/resources-page';
import { SettingsPage } from '../features/settings/settings-page';
import { TodayPage } from '../features/today/today-page';
import { TripsPage } from '../features/trips/trips-page';
import { NotFoundPage } from './not-found-page';

export const router = createBrowserRouter([
  {
    path: '/',
    element: <AuthGate />,
    children: [
      { index: true, element: <Navigate to="/today" replace /> },
      { path: 'today', element: <TodayPage /> },
      { path: 'contacts', element: <ContactsPage /> },
      { path: 'contacts/:id', element: <ContactPage /> },
      // Charts (recharts) are half the bundle: load them only when the dashboard is opened.
      {
        path: 'dashboard',
        lazy: async () => ({
          Component: (await import('../features/dashboard/dashboard-page')).DashboardPage,
        }),
      },
      { path: 'import', element: <ImportPage /> },
      { path: 'updates', element: <UpdatesPage /> },
      { path: 'introductions', element: <IntroductionsPage /> },
      { path: 'resources', element: <ResourcesPage /> },
      { path: 'trips', element: <TripsPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
