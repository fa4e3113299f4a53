import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { itIT as pickersItIT } from '@mui/x-date-pickers/locales';
import 'dayjs/locale/it';
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
        <LocalizationProvider
          dateAdapter={AdapterDayjs}
          adapterLocale="it"
          localeText={pickersItIT.components.MuiLocalizationProvider.defaultProps.localeText}
        >
          <NotifyProvider>
            <App />
          </NotifyProvider>
        </LocalizationProvider>
      </ThemeProvider>
    </QueryClientProvider>
  );
}
