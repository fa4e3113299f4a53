import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, type ReactNode } from 'react';

/** The page title, with the page's one primary action at the top right. */
export function PageHeader({
  title,
  action,
  windowTitle = title,
}: {
  title: string;
  action?: ReactNode;
  windowTitle?: string;
}) {
  useEffect(() => {
    document.title = `${windowTitle} · Cortile`;
  }, [windowTitle]);
  return (
    <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', py: 3 }}>
      <Typography variant="h1">{title}</Typography>
      {action}
    </Stack>
  );
}
