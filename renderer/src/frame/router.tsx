import { createHashRouter, Navigate, type DataRouter } from 'react-router';
import { HomePage } from '../pages/home/HomePage';
import { OperatorsPage } from '../pages/operators/OperatorsPage';
import { ProfilePage } from '../pages/profile/ProfilePage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { FrameLayout } from './FrameLayout';
import { RequireRole } from './RequireRole';

let router: DataRouter | null = null;

/**
 * One hash router for the life of the page (hash routes work under both
 * app://cortile/ and the loopback web shell). Created on first use, after the
 * token has left the address bar.
 */
export function getRouter(): DataRouter {
  router ??= createHashRouter([
    {
      path: '/',
      element: <FrameLayout />,
      children: [
        { index: true, element: <HomePage /> },
        {
          path: 'operatori',
          element: (
            <RequireRole role="amministratore">
              <OperatorsPage />
            </RequireRole>
          ),
        },
        {
          path: 'impostazioni',
          element: (
            <RequireRole role="amministratore">
              <SettingsPage />
            </RequireRole>
          ),
        },
        { path: 'profilo', element: <ProfilePage /> },
        { path: '*', element: <Navigate to="/" replace /> },
      ],
    },
  ]);
  return router;
}
