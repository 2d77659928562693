import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  Drawer,
  Loader,
  type MantineColorsTuple,
  Modal,
  Notification,
} from '@mantine/core';

/**
 * Mantine's light shades (0–5) with darker 6–9, so that white text on a filled button, badge or
 * active item (shade 6 in light mode, 7 in dark) and coloured text (shade 6 on white) reach WCAG
 * AA's 4.5:1. Mantine's own teal-6 (#12b886) gives 2.55:1 on white; each shade 6 below was
 * measured at 5.0–6.1:1 against #fff.
 */
function darkened(
  name: 'teal' | 'red' | 'orange' | 'yellow' | 'blue' | 'gray',
  darker: [string, string, string, string],
): MantineColorsTuple {
  const [c0, c1, c2, c3, c4, c5] = DEFAULT_THEME.colors[name];
  return [c0, c1, c2, c3, c4, c5, ...darker];
}

const [dark0, dark1, , ...dark3to9] = DEFAULT_THEME.colors.dark;

const colors = {
  teal: darkened('teal', ['#0b7a5a', '#086b4f', '#075c44', '#054a37']), // 5.32:1 on white
  red: darkened('red', ['#c92a2a', '#b02525', '#962020', '#7d1b1b']), // 5.46:1
  orange: darkened('orange', ['#a35200', '#8f4800', '#7a3d00', '#663300']), // 5.58:1
  yellow: darkened('yellow', ['#8a6100', '#7a5600', '#6b4b00', '#5c4000']), // 5.54:1
  blue: darkened('blue', ['#1971c2', '#1864ab', '#145591', '#104577']), // 5.02:1
  // gray-6 is light mode's dimmed text: #868e96 gave 3.32:1 on white, #5c636a gives 6.09:1.
  gray: darkened('gray', ['#5c636a', '#495057', '#343a40', '#212529']),
  // dark-2 is dark mode's dimmed text: #828282 gave 4.03:1 on the body, #a3a3a3 gives 6.15:1
  // (5.38:1 on a default button).
  dark: [dark0, dark1, '#a3a3a3', ...dark3to9] satisfies MantineColorsTuple,
};

/** System fonts only: the CSP (and the offline install) rule out web fonts. */
export const theme = createTheme({
  colors,
  primaryColor: 'teal',
  primaryShade: { light: 6, dark: 7 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  // Mantine's close buttons are a bare × icon: without a name a screen reader says only "button".
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // A spinner is a bare <span>: its "Loading …" name is allowed, and announced, only with a role.
    Loader: Loader.extend({ defaultProps: { role: 'status' } }),
  },
});

/**
 * Dark mode's error text is red-8 by default, 2.3:1 on the dark body with the shades above; red-4
 * reads at 6.7:1. Everything else keeps Mantine's variables.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {},
  dark: { '--mantine-color-error': 'var(--mantine-color-red-4)' },
});
