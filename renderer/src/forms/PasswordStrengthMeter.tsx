import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { passwordStrength } from '../../../shared/password';

const COLORS = ['error', 'error', 'warning', 'success', 'success'] as const;

/** Strength bar with its label and a hint; the colour always comes with the words. */
export function PasswordStrengthMeter({ password }: { password: string }) {
  const strength = passwordStrength(password);
  return (
    <Box sx={{ mt: 1 }}>
      <LinearProgress
        variant="determinate"
        value={password ? Math.max(8, strength.score * 25) : 0}
        color={password ? COLORS[strength.score] : 'inherit'}
        aria-label={`Sicurezza della password: ${strength.label}`}
        sx={{ height: 6, borderRadius: 3 }}
      />
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        Sicurezza: <strong>{password ? strength.label : '—'}</strong>
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {strength.hint}
      </Typography>
    </Box>
  );
}
