import type { MeetingView } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';

interface Cooperative {
  name: string;
  address: string;
  phone: string;
  email: string;
}

const CONFIDENTIAL_NOT_PRINTED = 'Note della discussione riservate: non riportate nel verbale.';

/**
 * The minutes as a document: letterhead, participants, agenda, each case (household code and
 * address, never a name), the decisions and actions table and the actions still open from
 * earlier meetings. Confidential discussion notes are never printed.
 */
export function MinutesDocument({
  view,
  cooperative,
}: {
  view: MeetingView;
  cooperative: Cooperative | null;
}) {
  const { meeting, cases, openEarlier } = view;
  const actions = cases.flatMap((c) => c.actions.map((a) => ({ ...a, decisions: c.decisions })));
  return (
    <article className="minutes-document">
      {cooperative && (
        <header className="letterhead">
          <strong>{cooperative.name}</strong>
          <br />
          {cooperative.address} · Tel. {cooperative.phone} · {cooperative.email}
        </header>
      )}
      <h1>Verbale della riunione d’équipe</h1>
      <p>Riunione del {formatDate(meeting.heldOn)}</p>

      <h2>Partecipanti</h2>
      <p>
        {meeting.participants.map((p) => p.fullName).join(', ') || '—'}
        {meeting.guests.length > 0 &&
          `; partecipanti esterni: ${meeting.guests.map((g) => (g.role ? `${g.name} (${g.role})` : g.name)).join(', ')}`}
      </p>

      {meeting.agenda && (
        <>
          <h2>Ordine del giorno</h2>
          <p>{meeting.agenda}</p>
        </>
      )}

      <h2>Casi discussi</h2>
      {cases.length === 0 && <p className="muted">Nessun caso in ordine del giorno.</p>}
      {cases.map((c, index) => (
        <section className="case" key={c.id}>
          <h3>{`${index + 1}. Nucleo ${c.householdCode} — ${c.buildingAddress}${c.discussed ? '' : ' (non discusso)'}`}</h3>
          {c.notes === null || (c.confidential && c.notes !== '') ? (
            <p className="muted">{CONFIDENTIAL_NOT_PRINTED}</p>
          ) : (
            c.notes !== '' && <p>{c.notes}</p>
          )}
          <p>
            <strong>Decisioni:</strong> {c.decisions || '—'}
          </p>
        </section>
      ))}
      {view.hiddenCases > 0 && (
        <p className="muted">{`Altri ${view.hiddenCases} casi di caseggiati non seguiti non sono riportati.`}</p>
      )}

      <h2>Decisioni e azioni</h2>
      {actions.length === 0 ? (
        <p className="muted">Nessuna azione decisa.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Nucleo</th>
              <th>Azione</th>
              <th>Chi</th>
              <th>Entro il</th>
              <th>Stato</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((a) => (
              <tr key={a.id}>
                <td>{a.householdCode}</td>
                <td>{a.text}</td>
                <td>{a.assigneeName}</td>
                <td>{formatDate(a.dueOn)}</td>
                <td>{a.done ? `fatta il ${formatDate(a.doneAt)}` : 'aperta'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Azioni aperte dalle riunioni precedenti</h2>
      {openEarlier.length === 0 ? (
        <p className="muted">Nessuna azione aperta dalle riunioni precedenti.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Riunione</th>
              <th>Nucleo</th>
              <th>Azione</th>
              <th>Chi</th>
              <th>Entro il</th>
            </tr>
          </thead>
          <tbody>
            {openEarlier.map((a) => (
              <tr key={a.id}>
                <td>{formatDate(a.meetingHeldOn)}</td>
                <td>{a.householdCode}</td>
                <td>{a.text}</td>
                <td>{a.assigneeName}</td>
                <td>{formatDate(a.dueOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {meeting.minutes && (
        <>
          <h2>Note generali</h2>
          <p>{meeting.minutes}</p>
        </>
      )}

      <div className="signatures">
        <div>Il coordinatore{meeting.createdByName ? `: ${meeting.createdByName}` : ''}</div>
        <div>Firma</div>
      </div>
    </article>
  );
}
