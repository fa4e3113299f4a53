import AddIcon from '@mui/icons-material/AddCardOutlined';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import PaymentsIcon from '@mui/icons-material/PaymentsOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { PLAN_STATUS_LABELS } from '../../../../../shared/arrears/plan';
import { PLAN_CLOSE_REASON_LABELS, type Plan } from '../../../../../shared/contract';
import { formatDate, formatMoney } from '../../../../../shared/format';
import { useApiMutation } from '../../../api';
import { todayLocal } from '../../../casework/formSchemas';
import { useNotify } from '../../../feedback/NotifyContext';
import { PlanStatusChip } from './chips';
import { formatPeriod, plural } from './format';
import { ARREARS_READS } from './invalidations';
import { installmentsSummary } from './PlanPreview';
import type { UndoOffer } from './useUndo';

type Installment = Plan['installments'][number];
type Payment = Plan['payments'][number];

function installmentState(installment: Installment, today: string): string {
  if (installment.coveredCents >= installment.amountCents) return 'Pagata';
  const late = installment.dueOn < today;
  if (installment.coveredCents > 0) return late ? 'Scaduta, pagata in parte' : 'Pagata in parte';
  return late ? 'Scaduta' : 'Da pagare';
}

/** One sentence on where the plan stands. */
function statusLine(plan: Plan): string {
  switch (plan.status) {
    case 'in_regola':
      return 'I pagamenti coprono le rate scadute.';
    case 'in_ritardo':
    case 'non_rispettato':
      return `${plural(plan.missedInstallments, 'rata scaduta non pagata', 'rate scadute non pagate')}: mancano ${formatMoney(plan.shortfallCents)}.`;
    case 'concluso':
      return 'Il piano è pagato per intero: si può chiudere come «concluso».';
  }
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0, fontWeight: 600 }}>
        {children}
      </Typography>
    </Box>
  );
}

function InstallmentsTable({ plan }: { plan: Plan }) {
  const today = todayLocal();
  return (
    <Box sx={{ maxHeight: 260, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Table size="small" stickyHeader aria-label="Rate del piano di rientro">
        <TableHead>
          <TableRow>
            <TableCell>Rata</TableCell>
            <TableCell>Scadenza</TableCell>
            <TableCell align="right">Importo</TableCell>
            <TableCell align="right">Pagato</TableCell>
            <TableCell>Stato</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {plan.installments.map((installment) => {
            const state = installmentState(installment, today);
            return (
              <TableRow key={installment.seq}>
                <TableCell>{installment.seq}</TableCell>
                <TableCell>{formatDate(installment.dueOn)}</TableCell>
                <TableCell align="right">{formatMoney(installment.amountCents)}</TableCell>
                <TableCell align="right">{formatMoney(installment.coveredCents)}</TableCell>
                <TableCell
                  sx={
                    state.startsWith('Scaduta')
                      ? { color: 'error.main', fontWeight: 600 }
                      : state === 'Pagata'
                        ? { color: 'success.main' }
                        : undefined
                  }
                >
                  {state}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}

function paymentOrigin(payment: Payment): string {
  if (payment.source === 'estratto') {
    return payment.statementPeriod
      ? `dall’estratto di ${formatPeriod(payment.statementPeriod)}`
      : 'dall’estratto';
  }
  return payment.createdBy ? `registrato da ${payment.createdBy}` : 'registrato a mano';
}

function PaymentsList({ plan, undo }: { plan: Plan; undo: UndoOffer }) {
  const remove = useApiMutation('plans.removePayment', ARREARS_READS);
  const record = useApiMutation('plans.recordPayment', ARREARS_READS);
  const notify = useNotify();
  if (plan.payments.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        Nessun pagamento del piano, né registrato a mano né trovato negli estratti.
      </Typography>
    );
  }
  const removePayment = async (payment: Payment) => {
    const result = await remove.run({ paymentId: payment.id, expectedUpdatedAt: plan.updatedAt });
    if (!result.ok) {
      notify(result.error.message, 'error');
      return;
    }
    const after = result.value.plan;
    undo.offer(`Pagamento del ${formatDate(payment.paidOn)} tolto`, async () => {
      const back = await record.run({
        planId: after.id,
        expectedUpdatedAt: after.updatedAt,
        paidOn: payment.paidOn,
        amountCents: payment.amountCents,
        notes: payment.notes,
      });
      notify(back.ok ? 'Pagamento di nuovo registrato' : back.error.message, back.ok ? 'success' : 'error');
    });
  };
  return (
    <Table size="small" aria-label="Pagamenti del piano">
      <TableHead>
        <TableRow>
          <TableCell>Data</TableCell>
          <TableCell align="right">Importo</TableCell>
          <TableCell>Origine</TableCell>
          <TableCell>Note</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {plan.payments.map((payment) => (
          <TableRow key={payment.id}>
            <TableCell>{formatDate(payment.paidOn)}</TableCell>
            <TableCell align="right">{formatMoney(payment.amountCents)}</TableCell>
            <TableCell>{paymentOrigin(payment)}</TableCell>
            <TableCell>{payment.notes || '—'}</TableCell>
            <TableCell align="right" sx={{ py: 0 }}>
              {payment.source === 'manuale' && plan.closedOn === null && (
                <IconButton
                  size="small"
                  aria-label={`Togli il pagamento del ${formatDate(payment.paidOn)}`}
                  disabled={remove.isPending}
                  onClick={() => void removePayment(payment)}
                >
                  <DeleteIcon fontSize="small" />
                </IconButton>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function OpenPlan({ plan, undo }: { plan: Plan; undo: UndoOffer }) {
  const installments = plan.installments.map((i) => ({ dueDate: i.dueOn, amountCents: i.amountCents }));
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <PlanStatusChip status={plan.status} size="medium" />
        <Typography variant="body2">{statusLine(plan)}</Typography>
      </Stack>
      <Typography variant="body2">
        {`${formatMoney(plan.totalCents)} concordati: ${installmentsSummary(installments)}`}
        {plan.everyMonths > 1 && ` Una rata ogni ${plan.everyMonths} mesi.`}
      </Typography>
      <Box
        component="dl"
        sx={{ m: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))', gap: 1.5 }}
      >
        <Figure label="Atteso a oggi">{formatMoney(plan.expectedCents)}</Figure>
        <Figure label="Versato">{formatMoney(plan.paidCents)}</Figure>
        <Figure label="Mancano">{formatMoney(plan.shortfallCents)}</Figure>
        <Figure
          label={plan.nextDue && plan.nextDue.dueDate < todayLocal() ? 'Da pagare, scaduta' : 'Prossima rata'}
        >
          {plan.nextDue
            ? `${formatMoney(plan.nextDue.amountCents)} il ${formatDate(plan.nextDue.dueDate)}`
            : 'nessuna'}
        </Figure>
      </Box>
      {plan.notes.trim() !== '' && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {plan.notes}
        </Typography>
      )}
      <InstallmentsTable plan={plan} />
      <Typography component="h4" variant="body2" sx={{ fontWeight: 600 }}>
        Pagamenti
      </Typography>
      <PaymentsList plan={plan} undo={undo} />
    </Stack>
  );
}

function ClosedPlans({ plans }: { plans: Plan[] }) {
  if (plans.length === 0) return null;
  return (
    <Box sx={{ mt: 2 }}>
      <Typography component="h4" variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
        Piani precedenti
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {plans.map((plan) => (
          <Typography component="li" variant="body2" key={plan.id} sx={{ mb: 0.5 }}>
            {`Dal ${formatDate(plan.createdAt)} al ${formatDate(plan.closedOn)}: ${formatMoney(plan.totalCents)} in ${plural(plan.installmentCount, 'rata', 'rate')}, versati ${formatMoney(plan.paidCents)}. `}
            {plan.closeReason ? PLAN_CLOSE_REASON_LABELS[plan.closeReason] : 'Chiuso'}
            {` (alla chiusura: ${PLAN_STATUS_LABELS[plan.status].toLowerCase()}).`}
          </Typography>
        ))}
      </Box>
    </Box>
  );
}

interface Props {
  plans: Plan[];
  undo: UndoOffer;
  onNew: () => void;
  onPayment: (plan: Plan) => void;
  onClose: (plan: Plan) => void;
}

/** "Piano di rientro": the open plan with its installments and payments, then the closed ones. */
export function PlanCard({ plans, undo, onNew, onPayment, onClose }: Props) {
  const open = plans.find((plan) => plan.closedOn === null) ?? null;
  const closed = plans.filter((plan) => plan.closedOn !== null);
  return (
    <Box>
      <Stack
        direction="row"
        sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, gap: 1, flexWrap: 'wrap' }}
      >
        <Typography component="h3" variant="h3" sx={{ fontSize: '1rem' }}>
          Piano di rientro
        </Typography>
        <Stack direction="row" spacing={1}>
          {open && (
            <>
              <Button size="small" onClick={() => onClose(open)}>
                Chiudi piano
              </Button>
              <Button
                size="small"
                variant="outlined"
                startIcon={<PaymentsIcon />}
                onClick={() => onPayment(open)}
              >
                Registra pagamento
              </Button>
            </>
          )}
          <Button size="small" startIcon={<AddIcon />} onClick={onNew} variant={open ? 'text' : 'outlined'}>
            Nuovo piano di rientro
          </Button>
        </Stack>
      </Stack>
      {open ? (
        <OpenPlan plan={open} undo={undo} />
      ) : (
        <Typography variant="body2" color="text.secondary">
          Nessun piano di rientro aperto. Quando il nucleo concorda con l’ente gestore un piano per il debito,
          registrarlo qui: le rate e i pagamenti diranno se è in regola.
        </Typography>
      )}
      <ClosedPlans plans={closed} />
    </Box>
  );
}
