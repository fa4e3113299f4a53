import type { CallOutput } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';

/** The app's part of the record of processing (art. 30 GDPR), as shown and printed. */
export function RegisterDocument({ data }: { data: CallOutput<'privacy.register'> }) {
  const { settings, cooperative, counts } = data;
  const rows: [string, string][] = [
    ['Titolare del trattamento', settings.controller || `${cooperative.name}, ${cooperative.address}`],
    ['Responsabile della protezione dei dati (DPO)', settings.dpoContact || '—'],
    ['Strumento', 'Cortile, gestionale per il tutor di condominio e il portierato sociale'],
    ['Finalità', settings.purposes],
    ['Categorie di interessati', settings.dataSubjects],
    ['Categorie di dati', settings.dataCategories],
    ['Destinatari', settings.recipients],
    [
      'Conservazione',
      `Dati dei nuclei: fino a ${settings.householdRetentionYears} anni dalla chiusura, poi anonimizzati. ` +
        `Registro accessi: almeno ${settings.auditRetentionMonths} mesi. ` +
        `Informativa in uso: versione ${settings.noticeVersion}.`,
    ],
    ['Misure di sicurezza', settings.securityMeasures],
    [
      'Consistenza alla data',
      `${counts.households} nuclei attivi, ${counts.members} persone, ${counts.operators} operatori abilitati.`,
    ],
  ];
  return (
    <article style={{ fontSize: '10.5pt', lineHeight: 1.45 }}>
      <h2 style={{ fontSize: '15pt', margin: '0 0 4pt' }}>Registro delle attività di trattamento</h2>
      <p style={{ margin: '0 0 12pt' }}>
        {cooperative.name} — estratto relativo a Cortile, aggiornato al {formatDate(data.generatedAt)}.
      </p>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th
                scope="row"
                style={{
                  textAlign: 'left',
                  verticalAlign: 'top',
                  width: '30%',
                  border: '1px solid #999',
                  padding: '4pt 6pt',
                }}
              >
                {label}
              </th>
              <td style={{ border: '1px solid #999', padding: '4pt 6pt', whiteSpace: 'pre-wrap' }}>
                {value}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ marginTop: '12pt', fontSize: '9pt' }}>
        Documento di supporto per il DPO: va integrato nel registro dei trattamenti della cooperativa.
      </p>
    </article>
  );
}
