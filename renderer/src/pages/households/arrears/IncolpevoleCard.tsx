import AddIcon from '@mui/icons-material/AddOutlined';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ArrearsHousehold } from '../../../../../shared/contract';
import { formatDate, formatMoney } from '../../../../../shared/format';
import { useApiMutation } from '../../../api';
import { useNotify } from '../../../feedback/NotifyContext';
import { ARREARS_READS } from './invalidations';
import type { UndoOffer } from './useUndo';

type Incolpevole = ArrearsHousehold['incolpevole'];
type Cause = Incolpevole['causes'][number];

function Lines({ items }: { items: string[] }) {
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </Box>
  );
}

/** "Potenzialmente eleggibile" with the reasons, or what is missing and what stands in the way. */
function Assessment({ assessment }: { assessment: Incolpevole['assessment'] }) {
  if (assessment.eligible) {
    return (
      <Alert severity="success" role="status">
        <AlertTitle>Potenzialmente eleggibile</AlertTitle>
        <Lines items={assessment.reasons} />
        <Typography variant="body2" sx={{ mt: 1 }}>
          Una prima verifica: i requisiti del bando del Comune (contratto registrato, residenza, stato dello
          sfratto) li controlla l’ufficio.
        </Typography>
      </Alert>
    );
  }
  return (
    <Alert severity={assessment.obstacles.length > 0 ? 'warning' : 'info'} role="status">
      <AlertTitle>
        {assessment.obstacles.length > 0 ? 'Requisiti non soddisfatti' : 'Da completare per la valutazione'}
      </AlertTitle>
      {assessment.obstacles.length > 0 && <Lines items={assessment.obstacles} />}
      {assessment.missing.length > 0 && <Lines items={assessment.missing} />}
      {assessment.reasons.length > 0 && (
        <>
          <Typography variant="body2" sx={{ mt: 1, fontWeight: 600 }}>
            Già soddisfatto
          </Typography>
          <Lines items={assessment.reasons} />
        </>
      )}
    </Alert>
  );
}

interface Props {
  householdId: number;
  incolpevole: Incolpevole;
  undo: UndoOffer;
  onAddCause: () => void;
  onIsee: () => void;
}

/** "Morosità incolpevole": the checklist of causes, the ISEE, and the first screening. */
export function IncolpevoleCard({ householdId, incolpevole, undo, onAddCause, onIsee }: Props) {
  const remove = useApiMutation('arrears.removeCause', ARREARS_READS);
  const add = useApiMutation('arrears.addCause', ARREARS_READS);
  const notify = useNotify();
  const { causes, isee } = incolpevole;

  const removeCause = async (cause: Cause) => {
    const result = await remove.run({ id: cause.id });
    if (!result.ok) {
      notify(result.error.message, 'error');
      return;
    }
    undo.offer('Causa tolta', async () => {
      const back = await add.run({
        householdId,
        cause: cause.cause,
        eventDate: cause.eventDate,
        notes: cause.notes,
      });
      notify(back.ok ? 'Causa di nuovo registrata' : back.error.message, back.ok ? 'success' : 'error');
    });
  };

  return (
    <Box>
      <Stack
        direction="row"
        sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, gap: 1, flexWrap: 'wrap' }}
      >
        <Typography component="h3" variant="h3" sx={{ fontSize: '1rem' }}>
          Morosità incolpevole
        </Typography>
        <Stack direction="row" spacing={1}>
          <Button size="small" onClick={onIsee}>
            {isee ? 'Modifica ISEE' : 'Registra ISEE'}
          </Button>
          <Button size="small" variant="outlined" startIcon={<AddIcon />} onClick={onAddCause}>
            Aggiungi causa
          </Button>
        </Stack>
      </Stack>
      <Stack spacing={1.5}>
        {causes.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            Nessuna causa registrata. Se il debito nasce da una perdita di reddito non scelta (licenziamento,
            cassa integrazione, malattia grave…), aggiungerla con la data dell’evento.
          </Typography>
        ) : (
          <Box component="ul" aria-label="Cause di morosità incolpevole" sx={{ m: 0, p: 0 }}>
            {causes.map((cause) => (
              <Box
                component="li"
                key={cause.id}
                sx={{
                  listStyle: 'none',
                  display: 'flex',
                  gap: 1,
                  alignItems: 'flex-start',
                  py: 0.75,
                  borderBottom: 1,
                  borderColor: 'divider',
                }}
              >
                <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {cause.label}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    {cause.eventDate
                      ? `Evento del ${formatDate(cause.eventDate)}`
                      : 'Data dell’evento non indicata'}
                    {cause.notes ? ` · ${cause.notes}` : ''}
                  </Typography>
                </Box>
                <IconButton
                  size="small"
                  aria-label={`Togli la causa: ${cause.label}`}
                  disabled={remove.isPending}
                  onClick={() => void removeCause(cause)}
                >
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </Box>
            ))}
          </Box>
        )}
        <Typography variant="body2">
          <strong>ISEE: </strong>
          {isee ? `${formatMoney(isee.valueCents)} del ${formatDate(isee.iseeDate)}` : 'non registrato'}
          <Typography component="span" variant="body2" color="text.secondary">
            {` · soglia ${formatMoney(incolpevole.thresholdCents)}`}
          </Typography>
        </Typography>
        <Assessment assessment={incolpevole.assessment} />
      </Stack>
    </Box>
  );
}
