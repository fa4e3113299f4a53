import { createTheme } from '@mui/material/styles';
import { itIT } from '@mui/material/locale';

const FONT_STACK = '"Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif';
const FOCUS_RING = '#0b57d0';

export const theme = createTheme(
  {
    palette: {
      mode: 'light',
      primary: { main: '#1d5a73' },
      secondary: { main: '#6b4c8a' },
      // Darker than MUI's defaults so that chip and alert text on white passes WCAG AA.
      warning: { main: '#9a4f00' },
      success: { main: '#2e6b32' },
      background: { default: '#f4f6f8', paper: '#ffffff' },
    },
    typography: {
      fontFamily: FONT_STACK,
      fontSize: 14,
      htmlFontSize: 16,
      h1: { fontSize: '1.75rem', fontWeight: 600 },
      h2: { fontSize: '1.4rem', fontWeight: 600 },
      h3: { fontSize: '1.15rem', fontWeight: 600 },
      button: { textTransform: 'none', fontWeight: 600 },
    },
    shape: { borderRadius: 6 },
    components: {
      MuiButtonBase: {
        styleOverrides: {
          root: {
            '&.Mui-focusVisible': { outline: `2px solid ${FOCUS_RING}`, outlineOffset: 2 },
          },
        },
      },
      // Full-width items: the ring goes inside, or the drawer's edge would cut it.
      MuiListItemButton: {
        styleOverrides: { root: { '&.Mui-focusVisible': { outlineOffset: -2 } } },
      },
      MuiLink: {
        styleOverrides: {
          root: { '&:focus-visible': { outline: `2px solid ${FOCUS_RING}`, outlineOffset: 2 } },
        },
      },
      MuiCheckbox: {
        styleOverrides: {
          root: { '&.Mui-focusVisible': { outline: `2px solid ${FOCUS_RING}`, outlineOffset: -4 } },
        },
      },
      MuiTextField: { defaultProps: { size: 'small' } },
      MuiSelect: { defaultProps: { size: 'small' } },
      MuiFormControl: { defaultProps: { size: 'small' } },
      MuiDialog: { defaultProps: { fullWidth: true, maxWidth: 'sm' } },
      MuiTableCell: { styleOverrides: { head: { fontWeight: 600 } } },
    },
  },
  itIT,
);
