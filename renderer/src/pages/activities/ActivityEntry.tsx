import Link from '@mui/material/Link';
import { Link as RouterLink } from 'react-router';
import type { HouseholdActivity } from '../../../../shared/contract';

/** The title of a household's timeline entry for an activity it took part in (a link to the activity). */
export function ActivityEntryTitle({ item }: { item: HouseholdActivity }) {
  return (
    <>
      {'Attività comunitaria · '}
      <Link component={RouterLink} to={`/attivita/${item.activityId}`}>
        {item.title}
      </Link>
    </>
  );
}
