import { RouterProvider } from 'react-router';
import { getRouter } from './router';

/** The signed-in app: top bar, navigation and the pages. */
export function AppFrame() {
  return <RouterProvider router={getRouter()} />;
}
