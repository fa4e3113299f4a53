import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { buildInstallments, type Installment } from '../../../../../shared/arrears/plan';
import { formatDate, formatMoney } from '../../../../../shared/format';
import { centsOf } from './money';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The installments the form would create, or null while the values are not complete. */
export function previewInstallments(
  total: unknown,
  count: unknown,
  firstDue: unknown,
  every: unknown,
): Installment[] | null {
  const totalCents = centsOf(total);
  if (totalCents === null || totalCents <= 0) return null;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 120) return null;
  if (typeof every !== 'number' || !Number.isInteger(every) || every < 1 || every > 12) return null;
  if (typeof firstDue !== 'string' || !DATE.test(firstDue) || totalCents < count) return null;
  try {
    return buildInstallments({ totalCents, count, firstDueDate: firstDue, everyMonths: every });
  } catch {
    return null;
  }
}

/** "12 rate da 100,00 €, dal 01/11/2026 al 01/10/2027", or the odd last one named. */
export function installmentsSummary(installments: readonly Installment[]): string {
  const first = installments[0];
  const last = installments[installments.length - 1];
  if (!first || !last) return '';
  const span =
    installments.length === 1
      ? `con scadenza il ${formatDate(first.dueDate)}`
      : `dal ${formatDate(first.dueDate)} al ${formatDate(last.dueDate)}`;
  if (installments.length === 1) return `Una rata da ${formatMoney(first.amountCents)}, ${span}.`;
  if (first.amountCents === last.amountCents) {
    return `${installments.length} rate da ${formatMoney(first.amountCents)}, ${span}.`;
  }
  return `${installments.length - 1} rate da ${formatMoney(first.amountCents)} e l’ultima da ${formatMoney(last.amountCents)}, ${span}.`;
}

/** The live preview under the plan form. */
export function PlanPreview({ installments }: { installments: Installment[] | null }) {
  if (!installments) {
    return (
      <Typography variant="body2" color="text.secondary">
        Le rate compaiono qui inserendo importo, numero di rate e scadenza della prima rata.
      </Typography>
    );
  }
  return (
    <Box>
      <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5 }} aria-live="polite">
        {installmentsSummary(installments)}
      </Typography>
      <Box sx={{ maxHeight: 190, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" stickyHeader aria-label="Rate del piano (anteprima)">
          <TableHead>
            <TableRow>
              <TableCell>Rata</TableCell>
              <TableCell>Scadenza</TableCell>
              <TableCell align="right">Importo</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {installments.map((installment, i) => (
              <TableRow key={i}>
                <TableCell>{i + 1}</TableCell>
                <TableCell>{formatDate(installment.dueDate)}</TableCell>
                <TableCell align="right">{formatMoney(installment.amountCents)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
}
