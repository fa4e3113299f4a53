import ApartmentIcon from '@mui/icons-material/ApartmentOutlined';
import CelebrationIcon from '@mui/icons-material/CelebrationOutlined';
import EventNoteIcon from '@mui/icons-material/EventNoteOutlined';
import FamilyIcon from '@mui/icons-material/FamilyRestroomOutlined';
import GroupIcon from '@mui/icons-material/GroupOutlined';
import ListIcon from '@mui/icons-material/ListAltOutlined';
import HandshakeIcon from '@mui/icons-material/HandshakeOutlined';
import HomeIcon from '@mui/icons-material/HomeOutlined';
import PhoneIcon from '@mui/icons-material/PhoneInTalkOutlined';
import EuroIcon from '@mui/icons-material/EuroOutlined';
import FileDownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import PersonIcon from '@mui/icons-material/PersonOutline';
import ForumIcon from '@mui/icons-material/ForumOutlined';
import MailIcon from '@mui/icons-material/MailOutline';
import Diversity3Icon from '@mui/icons-material/Diversity3Outlined';
import SettingsIcon from '@mui/icons-material/SettingsOutlined';
import PolicyIcon from '@mui/icons-material/PolicyOutlined';
import ManageSearchIcon from '@mui/icons-material/ManageSearchOutlined';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { roleAtLeast } from '../../../shared/contract';
import { useSession } from '../app/SessionContext';
import { NAV_ENTRIES } from './navigation';

export const DRAWER_WIDTH = 220;

const ICONS: Record<string, ReactNode> = {
  '/': <HomeIcon />,
  '/agenda': <EventNoteIcon />,
  '/nuclei': <FamilyIcon />,
  '/caseggiati': <ApartmentIcon />,
  '/interventi': <HandshakeIcon />,
  '/attivita': <CelebrationIcon />,
  '/gruppi': <Diversity3Icon />,
  '/da-contattare': <PhoneIcon />,
  '/equipe': <ForumIcon />,
  '/lettere': <MailIcon />,
  '/morosita': <EuroIcon />,
  '/esportazioni': <FileDownloadIcon />,
  '/elenchi': <ListIcon />,
  '/registro-accessi': <ManageSearchIcon />,
  '/privacy': <PolicyIcon />,
  '/operatori': <GroupIcon />,
  '/impostazioni': <SettingsIcon />,
  '/profilo': <PersonIcon />,
};

export function NavDrawer() {
  const { operator } = useSession();
  const entries = NAV_ENTRIES.filter((entry) => !entry.role || roleAtLeast(operator.role, entry.role));
  return (
    <Drawer
      variant="permanent"
      sx={{
        width: DRAWER_WIDTH,
        flexShrink: 0,
        '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' },
      }}
    >
      <Toolbar />
      <nav aria-label="Navigazione principale">
        <List>
          {entries.map((entry) => (
            <ListItemButton
              key={entry.path}
              component={NavLink}
              to={entry.path}
              end={entry.path === '/'}
              sx={{
                '&.active': { bgcolor: 'action.selected', fontWeight: 600 },
                '&.active .MuiListItemIcon-root': { color: 'primary.main' },
              }}
            >
              <ListItemIcon sx={{ minWidth: 40 }}>{ICONS[entry.path]}</ListItemIcon>
              <ListItemText primary={entry.label} />
            </ListItemButton>
          ))}
        </List>
      </nav>
    </Drawer>
  );
}
