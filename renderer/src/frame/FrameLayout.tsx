import Box from '@mui/material/Box';
import Toolbar from '@mui/material/Toolbar';
import { Outlet } from 'react-router';
import { NavDrawer } from './NavDrawer';
import { TopBar } from './TopBar';

export function FrameLayout() {
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <TopBar />
      <NavDrawer />
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0, px: 4, pb: 4 }}>
        <Toolbar />
        <Outlet />
      </Box>
    </Box>
  );
}
