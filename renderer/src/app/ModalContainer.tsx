import { ThemeProvider, type Theme } from '@mui/material/styles';
import { useCallback, type ReactNode, type RefObject } from 'react';

/**
 * Dialogs, menus and pop-overs of the signed-in app open inside its host
 * element instead of at body level, so hiding the host hides them too (a
 * dialog with typed text must not show over the sign-in screen). While the
 * host is hidden they also stop holding the keyboard focus.
 */
export function ModalContainer({
  host,
  active,
  children,
}: {
  host: RefObject<HTMLElement | null>;
  active: boolean;
  children: ReactNode;
}) {
  const withContainer = useCallback(
    (outer: Theme): Theme => {
      const modalDefaults = { container: () => host.current, disableEnforceFocus: !active };
      return {
        ...outer,
        components: {
          ...outer.components,
          MuiDialog: {
            ...outer.components?.MuiDialog,
            defaultProps: { ...outer.components?.MuiDialog?.defaultProps, ...modalDefaults },
          },
          MuiPopover: {
            ...outer.components?.MuiPopover,
            defaultProps: { ...outer.components?.MuiPopover?.defaultProps, ...modalDefaults },
          },
        },
      };
    },
    [host, active],
  );
  return <ThemeProvider theme={withContainer}>{children}</ThemeProvider>;
}
