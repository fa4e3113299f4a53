import LockIcon from '@mui/icons-material/LockOutlined';
import LogoutIcon from '@mui/icons-material/Logout';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { ROLE_LABELS } from '../../../shared/format';
import { useSession } from '../app/SessionContext';
import { HouseholdSearch } from '../search/HouseholdSearch';

// On the dark bar the focus ring is white.
const onBar = { '&.Mui-focusVisible': { outlineColor: '#fff' } } as const;

export function TopBar() {
  const { operator, cooperativeName, lock, logout } = useSession();
  return (
    <AppBar position="fixed" elevation={0} sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
      <Toolbar sx={{ gap: 2 }}>
        <Typography variant="h6" component="p" sx={{ fontWeight: 700 }}>
          Cortile
        </Typography>
        <Typography component="p" sx={{ opacity: 0.85, flexGrow: 1, minWidth: 0 }} noWrap>
          {cooperativeName}
        </Typography>
        <HouseholdSearch />
        <Box sx={{ textAlign: 'right', lineHeight: 1.2 }} aria-label="Operatore collegato">
          <Typography component="p" sx={{ fontWeight: 600 }}>
            {operator.fullName}
          </Typography>
          <Typography component="p" variant="body2" sx={{ opacity: 0.85 }}>
            {ROLE_LABELS[operator.role]}
          </Typography>
        </Box>
        <Button
          color="inherit"
          variant="outlined"
          startIcon={<LockIcon />}
          onClick={() => void lock()}
          sx={onBar}
        >
          Blocca
        </Button>
        <Button color="inherit" startIcon={<LogoutIcon />} onClick={() => void logout()} sx={onBar}>
          Esci
        </Button>
      </Toolbar>
    </AppBar>
  );
}
