import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TablePagination from '@mui/material/TablePagination';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { roleAtLeast } from '../../../../shared/contract';
import { formatDate, formatDateTime } from '../../../../shared/format';
import { useApiQuery } from '../../api';
import { useSession } from '../../app/SessionContext';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { PageSection } from '../households/PageSection';
import { LetterheadPanel } from './LetterheadPanel';

/** «Lettere»: the templates, the register of issued letters and the letterhead. */
export function LettersPage() {
  const { operator } = useSession();
  const canEdit = roleAtLeast(operator.role, 'coordinatore');
  const templates = useApiQuery('letters.templates', {});
  const [page, setPage] = useState(0);
  const register = useApiQuery('letters.register', { page, pageSize: 25 });
  return (
    <>
      <PageHeader
        title="Lettere"
        action={
          canEdit && (
            <Button
              variant="contained"
              startIcon={<AddIcon />}
              component={RouterLink}
              to="/lettere/modelli/nuovo"
            >
              Nuovo modello
            </Button>
          )
        }
      />
      <Typography color="text.secondary" sx={{ mt: -2, mb: 2, maxWidth: 900 }}>
        Le lettere si emettono dalla pagina di un nucleo (una lettera) o di un caseggiato (tutti i nuclei
        attivi, anche solo di alcune scale). Ogni lettera riceve un numero di protocollo e resta nella storia
        del nucleo.
      </Typography>
      <Stack spacing={3}>
        <PageSection title="Modelli">
          {templates.error && <ErrorNotice error={templates.error} onRetry={templates.refetch} />}
          <Table size="small" aria-label="Modelli di lettera">
            <TableHead>
              <TableRow>
                <TableCell>Nome</TableCell>
                <TableCell>Oggetto</TableCell>
                <TableCell>Versione</TableCell>
                <TableCell>Ultima modifica</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {templates.value?.templates.map((t) => (
                <TableRow key={t.id}>
                  <TableCell>
                    <Link component={RouterLink} to={`/lettere/modelli/${t.id}`}>
                      {t.name}
                    </Link>{' '}
                    {t.builtin && <Chip size="small" label="predefinito" variant="outlined" />}{' '}
                    {!t.active && <Chip size="small" label="non in uso" />}
                  </TableCell>
                  <TableCell>{t.subject}</TableCell>
                  <TableCell>{t.currentVersion}</TableCell>
                  <TableCell>{formatDateTime(t.updatedAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </PageSection>
        <PageSection title="Registro delle lettere" subtitle="dalla più recente">
          {register.error && <ErrorNotice error={register.error} onRetry={register.refetch} />}
          {register.value?.total === 0 ? (
            <Typography color="text.secondary">
              Nessuna lettera emessa. Le lettere emesse da un nucleo o da un caseggiato compariranno qui.
            </Typography>
          ) : (
            <>
              <Table size="small" aria-label="Registro delle lettere">
                <TableHead>
                  <TableRow>
                    <TableCell>Protocollo</TableCell>
                    <TableCell>Data</TableCell>
                    <TableCell>Nucleo</TableCell>
                    <TableCell>Modello</TableCell>
                    <TableCell>Operatore</TableCell>
                    <TableCell>Uscita</TableCell>
                    <TableCell>Impronta SHA-256</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {register.value?.rows.map((r) => (
                    <TableRow key={r.id}>
                      <TableCell sx={{ fontFamily: 'monospace' }}>{r.protocol}</TableCell>
                      <TableCell>{formatDate(r.issuedAt)}</TableCell>
                      <TableCell>
                        <Link component={RouterLink} to={`/nuclei/${r.householdId}`}>
                          {r.householdCode}
                        </Link>
                      </TableCell>
                      <TableCell>
                        {r.templateName} (v. {r.templateVersion})
                      </TableCell>
                      <TableCell>{r.operatorName}</TableCell>
                      <TableCell>{r.output === 'stampa' ? 'Stampata' : 'PDF'}</TableCell>
                      <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }} title={r.sha256}>
                        {r.sha256.slice(0, 16)}…
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <TablePagination
                component="div"
                count={register.value?.total ?? 0}
                page={page}
                onPageChange={(_e, p) => setPage(p)}
                rowsPerPage={25}
                rowsPerPageOptions={[25]}
                labelDisplayedRows={({ from, to, count }) => `${from}–${to} di ${count}`}
              />
            </>
          )}
        </PageSection>
        <LetterheadPanel canEdit={canEdit} />
      </Stack>
    </>
  );
}
