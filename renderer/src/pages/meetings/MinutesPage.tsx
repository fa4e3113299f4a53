import PrintIcon from '@mui/icons-material/PrintOutlined';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { createPortal } from 'react-dom';
import { useParams } from 'react-router';
import { formatDate } from '../../../../shared/format';
import { useApiQuery } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { PageBreadcrumbs } from '../buildings/PageBreadcrumbs';
import { MinutesDocument } from './MinutesDocument';
import './minutes.css';

/**
 * The print view of the minutes: on screen a preview of the A4 sheet, and «Stampa verbale»
 * opens the system print dialog (where the document can also be saved as PDF). Only the
 * sheet prints (minutes.css), without the app around it.
 */
export function MinutesPage() {
  const id = Number(useParams().id);
  const view = useApiQuery('meetings.get', { id });
  const settings = useApiQuery('settings.get', {});
  const cooperative = settings.value?.cooperative ?? null;
  const heldOn = view.value ? formatDate(view.value.meeting.heldOn) : '';
  return (
    <>
      <PageBreadcrumbs
        crumbs={[
          { label: 'Riunioni d’équipe', to: '/equipe' },
          { label: heldOn ? `Riunione del ${heldOn}` : 'Riunione', to: `/equipe/${id}` },
          { label: 'Verbale' },
        ]}
      />
      <PageHeader
        title="Verbale"
        windowTitle={heldOn ? `Verbale del ${heldOn}` : 'Verbale'}
        action={
          <Button
            variant="contained"
            startIcon={<PrintIcon />}
            onClick={() => window.print()}
            disabled={!view.value}
          >
            Stampa verbale
          </Button>
        }
      />
      {view.error && <ErrorNotice error={view.error} onRetry={view.refetch} />}
      {view.isPending && !view.error && <Loading label="Caricamento del verbale" />}
      {view.value && (
        <>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            Anteprima del foglio A4. Nella finestra di stampa si può anche salvare il verbale in PDF. Le note
            riservate non vengono stampate.
          </Typography>
          <Paper variant="outlined" sx={{ maxWidth: '21cm', p: '2cm', mb: 4, bgcolor: '#fff' }}>
            <MinutesDocument view={view.value} cooperative={cooperative} />
          </Paper>
          {createPortal(
            <div className="minutes-print">
              <MinutesDocument view={view.value} cooperative={cooperative} />
            </div>,
            document.body,
          )}
        </>
      )}
    </>
  );
}
