import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { ExportPreview } from '../../../../shared/contract';
import { EXPORT_PRESET_LABELS, EXPORT_PRESETS, type ExportPreset } from '../../../../shared/exports/columns';
import { EXPORT_FORMAT_LABELS, EXPORT_FORMATS, type ExportFormat } from '../../../../shared/exports/format';
import { useApiMutation, useApiQuery } from '../../api';
import { deliverFile } from '../../api/deliver';
import { PageHeader } from '../../components/PageHeader';
import { useNotify } from '../../feedback/NotifyContext';
import { ExportRegister } from './ExportRegister';
import { ExportSummary } from './ExportSummary';
import { initialPeriod, PeriodFields, periodOf, type PeriodState } from './PeriodFields';

const FORMAT_HINTS: Record<ExportFormat, string> = {
  excel: 'separatore «;», virgola decimale, date gg/mm/aaaa: si apre con un doppio clic in Excel',
  tecnico: 'separatore «,», punto decimale, date ISO: per programmi e fogli di calcolo non italiani',
};

/**
 * Reports to the Comune (coordinators and administrators): choose what, which period and
 * which buildings, read the summary (rows, what is left out and why, file name), then save.
 */
export function ExportsPage() {
  const notify = useNotify();
  const [preset, setPreset] = useState<ExportPreset>('riepilogo_mensile');
  const [period, setPeriod] = useState<PeriodState>(() => initialPeriod());
  const [areaIds, setAreaIds] = useState<number[]>([]);
  const [buildingIds, setBuildingIds] = useState<number[]>([]);
  const [format, setFormat] = useState<ExportFormat>('excel');
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const areas = useApiQuery('areas.list', {});
  const buildings = useApiQuery('buildings.options', {});
  const previewCall = useApiMutation('exports.preview');
  const createCall = useApiMutation('exports.create', ['exports.register']);
  const [saving, setSaving] = useState(false);

  // Any change to the choices makes the summary stale.
  const changed =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      setPreview(null);
      setMessage(null);
    };

  const request = () => {
    const p = periodOf(period);
    return p === null ? null : { preset, period: p, areaIds, buildingIds, format };
  };

  const showSummary = async () => {
    const input = request();
    if (input === null) {
      setMessage('Scegliere il primo e l’ultimo giorno del periodo.');
      return;
    }
    const result = await previewCall.run(input);
    if (result.ok) {
      setPreview(result.value);
      setMessage(null);
    } else setMessage(result.error.message);
  };

  const save = async () => {
    const input = request();
    if (input === null) return;
    setSaving(true);
    try {
      const created = await createCall.run(input);
      if (!created.ok) {
        setMessage(created.error.message);
        return;
      }
      const delivered = await deliverFile(created.value.file.id);
      if (!delivered.ok) setMessage(delivered.error.message);
      else if (delivered.value.result === 'cancelled')
        notify('Salvataggio annullato: il file è nel registro ma non è stato salvato.', 'info');
      else notify(`File esportato: ${created.value.file.fileName}`, 'success');
    } finally {
      setSaving(false);
    }
  };

  const areaOptions = areas.value?.areas ?? [];
  const buildingOptions = buildings.value?.buildings ?? [];
  return (
    <>
      <PageHeader title="Esportazioni per il Comune" />
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Stack spacing={3}>
          <FormControl>
            <FormLabel id="export-preset">Che cosa esportare</FormLabel>
            <RadioGroup
              aria-labelledby="export-preset"
              value={preset}
              onChange={(e) => changed(setPreset)(e.target.value as ExportPreset)}
            >
              {EXPORT_PRESETS.map((p) => (
                <FormControlLabel key={p} value={p} control={<Radio />} label={EXPORT_PRESET_LABELS[p]} />
              ))}
            </RadioGroup>
          </FormControl>
          <PeriodFields value={period} onChange={changed(setPeriod)} />
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <Autocomplete
              multiple
              fullWidth
              size="small"
              options={areaOptions}
              getOptionLabel={(a) => a.name}
              value={areaOptions.filter((a) => areaIds.includes(a.id))}
              onChange={(_e, chosen) => changed(setAreaIds)(chosen.map((a) => a.id))}
              renderInput={(params) => (
                <TextField {...params} label="Zone" helperText="Vuoto: tutte le zone" />
              )}
              noOptionsText="Nessuna zona"
            />
            <Autocomplete
              multiple
              fullWidth
              size="small"
              options={buildingOptions}
              getOptionLabel={(b) => `${b.address} (${b.areaName})`}
              value={buildingOptions.filter((b) => buildingIds.includes(b.id))}
              onChange={(_e, chosen) => changed(setBuildingIds)(chosen.map((b) => b.id))}
              renderInput={(params) => (
                <TextField
                  {...params}
                  label="Caseggiati"
                  helperText="Vuoto: tutti i caseggiati delle zone scelte"
                />
              )}
              noOptionsText="Nessun caseggiato"
            />
          </Stack>
          <FormControl>
            <FormLabel id="export-format">Formato del file</FormLabel>
            <RadioGroup
              aria-labelledby="export-format"
              value={format}
              onChange={(e) => changed(setFormat)(e.target.value as ExportFormat)}
            >
              {EXPORT_FORMATS.map((f) => (
                <FormControlLabel
                  key={f}
                  value={f}
                  control={<Radio />}
                  label={`${EXPORT_FORMAT_LABELS[f]} — ${FORMAT_HINTS[f]}`}
                />
              ))}
            </RadioGroup>
          </FormControl>
          {message && <Alert severity="error">{message}</Alert>}
          <div>
            <Button variant="outlined" onClick={() => void showSummary()} disabled={previewCall.isPending}>
              Mostra il riepilogo
            </Button>
          </div>
        </Stack>
      </Paper>
      {preview && <ExportSummary preview={preview} saving={saving} onSave={() => void save()} />}
      <ExportRegister />
    </>
  );
}
