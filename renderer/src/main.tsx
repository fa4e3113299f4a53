import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { adoptTokenFromUrl } from './api';
import { Root } from './app/Root';
import { CrashGuard } from './crash/CrashGuard';
import './print.css';

adoptTokenFromUrl();

const container = document.getElementById('root');
if (!container) throw new Error('missing #root');
createRoot(container).render(
  <StrictMode>
    <CrashGuard>
      <Root />
    </CrashGuard>
  </StrictMode>,
);
