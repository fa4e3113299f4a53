import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createQueryClient } from '../api';
import { NotifyProvider } from '../feedback/NotifyProvider';
import { theme } from '../theme';
import { App } from './App';

export function Root() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <NotifyProvider>
          <App />
        </NotifyProvider>
      </ThemeProvider>
    </QueryClientProvider>
  );
}
