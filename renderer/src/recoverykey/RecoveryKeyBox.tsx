import Box from '@mui/material/Box';

/** The key itself, large and easy to copy by hand (one click selects all of it). */
export function RecoveryKeyBox({ recoveryKey }: { recoveryKey: string }) {
  return (
    <Box
      id="recovery-key"
      data-testid="recovery-key"
      aria-label="Chiave di recupero"
      role="group"
      sx={{
        fontFamily: '"Cascadia Mono", Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace',
        fontSize: '1.4rem',
        fontWeight: 600,
        letterSpacing: '0.04em',
        textAlign: 'center',
        py: 2,
        px: 1,
        border: 2,
        borderColor: 'primary.main',
        borderRadius: 1,
        bgcolor: 'grey.50',
        userSelect: 'all',
      }}
    >
      {recoveryKey}
    </Box>
  );
}
