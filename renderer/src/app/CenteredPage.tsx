import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import type { ReactNode } from 'react';

/** A single card centred in the window: setup, sign-in, password change. */
export function CenteredPage({ children, width = 440 }: { children: ReactNode; width?: number }) {
  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', p: 3 }}
    >
      <Paper variant="outlined" sx={{ width: '100%', maxWidth: width, p: 4 }}>
        {children}
      </Paper>
    </Box>
  );
}
