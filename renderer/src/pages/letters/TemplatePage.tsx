import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { roleAtLeast, type CallOutput } from '../../../../shared/contract';
import { formatDateTime } from '../../../../shared/format';
import { doc, p, type LetterBody } from '../../../../shared/letters/body';
import { useApiMutation, useApiQuery } from '../../api';
import { useSession } from '../../app/SessionContext';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useNotify } from '../../feedback/NotifyContext';
import { PageBreadcrumbs } from '../buildings/PageBreadcrumbs';
import { LetterEditor } from './LetterEditor';

const READS = ['letters.templates', 'letters.template'] as const;

/** `#/lettere/modelli/:id` (or `nuovo`): a template's name, subject and text, saved as a new version. */
export function TemplatePage() {
  const { id } = useParams();
  const templateId = id === 'nuovo' ? null : Number(id);
  const query = useApiQuery('letters.template', { id: templateId ?? 0 });
  if (templateId === null) return <TemplateForm data={null} />;
  if (query.error) return <ErrorNotice error={query.error} onRetry={query.refetch} />;
  if (!query.value) return <Loading label="Caricamento del modello" />;
  return <TemplateForm key={`${templateId}-${query.value.template.currentVersion}`} data={query.value} />;
}

function TemplateForm({ data }: { data: CallOutput<'letters.template'> | null }) {
  const { operator } = useSession();
  const canEdit = roleAtLeast(operator.role, 'coordinatore');
  const navigate = useNavigate();
  const notify = useNotify();
  const labelId = useId();
  const [name, setName] = useState(data?.template.name ?? '');
  const [subject, setSubject] = useState(data?.template.subject ?? '');
  const [active, setActive] = useState(data?.template.active ?? true);
  const [body, setBody] = useState<LetterBody>(
    data?.body ?? doc(p('{{destinatario.saluto}} {{destinatario.nome}},')),
  );
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const save = useApiMutation('letters.saveTemplate', READS);

  const submit = async () => {
    setFields({});
    setMessage(null);
    const result = await save.run({
      id: data?.template.id ?? null,
      expectedVersion: data?.template.currentVersion ?? null,
      name,
      subject,
      body,
      active,
    });
    if (!result.ok) {
      setFields(result.error.fields ?? {});
      setMessage(result.error.message);
      return;
    }
    notify(`Modello salvato (versione ${result.value.template.currentVersion})`);
    if (!data) void navigate(`/lettere/modelli/${result.value.template.id}`, { replace: true });
  };

  return (
    <>
      <PageBreadcrumbs
        crumbs={[
          { label: 'Lettere', to: '/lettere' },
          { label: data ? data.template.name : 'Nuovo modello' },
        ]}
      />
      <PageHeader
        title={data ? `Modello: ${data.template.name}` : 'Nuovo modello di lettera'}
        action={
          canEdit && (
            <Button variant="contained" onClick={() => void submit()} disabled={save.isPending}>
              Salva modello
            </Button>
          )
        }
      />
      <Stack spacing={2} sx={{ maxWidth: 860 }}>
        {data && (
          <Typography variant="body2" color="text.secondary">
            Versione {data.template.currentVersion}
            {data.versions[0] && `, salvata il ${formatDateTime(data.versions[0].createdAt)}`}
            {data.versions[0]?.createdByName && ` da ${data.versions[0].createdByName}`}. Le lettere già
            emesse restano legate alla versione con cui sono state stampate.
          </Typography>
        )}
        {message && <Alert severity="error">{message}</Alert>}
        <TextField
          label="Nome del modello"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          disabled={!canEdit}
          error={Boolean(fields.name)}
          helperText={fields.name}
        />
        <TextField
          label="Oggetto"
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          required
          disabled={!canEdit}
          error={Boolean(fields.subject)}
          helperText={
            fields.subject ?? 'Anche qui si possono usare i segnaposto, ad esempio {{incontro.data}}.'
          }
        />
        <Typography id={labelId} variant="subtitle2">
          Testo della lettera
        </Typography>
        <LetterEditorOrText
          canEdit={canEdit}
          body={body}
          setBody={setBody}
          error={fields.body ?? null}
          labelId={labelId}
        />
        <FormControlLabel
          control={
            <Switch checked={active} onChange={(e) => setActive(e.target.checked)} disabled={!canEdit} />
          }
          label="Modello in uso (si può scegliere per nuove lettere)"
        />
      </Stack>
    </>
  );
}

function LetterEditorOrText({
  canEdit,
  body,
  setBody,
  error,
  labelId,
}: {
  canEdit: boolean;
  body: LetterBody;
  setBody: (b: LetterBody) => void;
  error: string | null;
  labelId: string;
}) {
  if (!canEdit) {
    return (
      <Alert severity="info">
        Solo un coordinatore può modificare i modelli. Il testo si vede nell’anteprima delle lettere.
      </Alert>
    );
  }
  return <LetterEditor initial={body} onChange={setBody} error={error} labelId={labelId} />;
}
