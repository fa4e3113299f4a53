import { zodResolver } from '@hookform/resolvers/zod';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, type RefObject } from 'react';
import { useForm, useWatch, type Control } from 'react-hook-form';
import { z } from 'zod';
import { formatMoney } from '../../../../../shared/format';
import type { PreviewUnmatchedRow, Unit } from '../../../../../shared/contract';
import { useApiQuery } from '../../../api';
import { requiredId } from '../../../casework/formSchemas';
import { FormDialog } from '../../../forms/FormDialog';
import { FormSelect } from '../../../forms/FormSelect';
import { useBuildingOptions } from '../../../registry/useLists';
import { formatPeriod, plural } from './format';

const linkSchema = z.object({
  buildingId: requiredId('Scegliere il caseggiato.'),
  unitId: requiredId('Scegliere l’alloggio.'),
});

export interface LinkedUnit {
  unitId: number;
  /** «Via Cadore 67, Scala B, piano 1, int. 2», as the preview shows it. */
  label: string;
}

function unitOption(unit: Unit): string {
  const code = unit.agencyCode ? ` (${unit.agencyCode})` : ' (senza codice)';
  const who = unit.household
    ? ` · ${unit.household.code}${unit.household.referenceName ? ` ${unit.household.referenceName}` : ''}`
    : ' · libero';
  return `${unit.label}${code}${who}`;
}

/**
 * "Collega a un alloggio": building, then any of its units (occupied ones
 * too: the tenant usually lives there). Every row with the same unit code is
 * linked together, as the code is remembered for the next files.
 */
export function LinkUnitDialog({
  row,
  sameCode,
  onLink,
  onClose,
}: {
  row: PreviewUnmatchedRow;
  /** How many unmatched rows carry the same unit code (this one included). */
  sameCode: number;
  onLink: (unit: LinkedUnit) => void;
  onClose: () => void;
}) {
  const buildings = useBuildingOptions();
  const form = useForm({
    resolver: zodResolver(linkSchema),
    defaultValues: { buildingId: null, unitId: null },
  });
  const buildingId = useWatch({ control: form.control, name: 'buildingId' });
  /** The units of the chosen building, as last read by UnitSelect. */
  const units = useRef<readonly Unit[]>([]);

  // A unit of the building chosen before does not stay chosen.
  useEffect(() => {
    form.setValue('unitId', null);
  }, [buildingId, form]);

  const submit = form.handleSubmit(({ buildingId: chosenBuilding, unitId }) => {
    const building = buildings.buildings.find((entry) => entry.id === chosenBuilding);
    const unit = units.current.find((entry) => entry.id === unitId);
    onLink({
      unitId,
      label: [building?.address, unit?.label].filter(Boolean).join(', '),
    });
  });

  const who = [row.tenantName, row.taxCode].filter(Boolean).join(', ');
  return (
    <FormDialog
      open
      title={`Collega la riga ${row.line} a un alloggio`}
      submitLabel="Collega"
      pending={false}
      message={buildings.error?.message ?? null}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <Typography>
        {row.unitCode ? `Codice alloggio ${row.unitCode}` : 'Senza codice alloggio'}
        {who ? ` · ${who}` : ''} · {formatPeriod(row.period)} · saldo {formatMoney(row.balanceCents)}
      </Typography>
      {row.unitCode && (
        <Typography variant="body2" color="text.secondary">
          {sameCode > 1
            ? `Verranno collegate tutte le ${plural(sameCode, 'riga', 'righe')} con il codice ${row.unitCode}. `
            : ''}
          Il codice {row.unitCode} verrà ricordato: nei prossimi file le sue righe saranno abbinate a questo
          alloggio da sole.
        </Typography>
      )}
      <FormSelect
        control={form.control}
        name="buildingId"
        label="Caseggiato"
        required
        autoFocus
        helperText={
          !buildings.isPending && buildings.buildings.length === 0
            ? 'Nessun caseggiato: aggiungerlo prima dalla pagina Caseggiati.'
            : undefined
        }
        options={buildings.buildings.map((building) => ({
          value: building.id,
          label: `${building.address}, ${building.city}`,
        }))}
      />
      {buildingId === null ? (
        <FormSelect
          control={form.control}
          name="unitId"
          label="Alloggio"
          required
          disabled
          helperText="Scegliere prima il caseggiato."
          options={[]}
        />
      ) : (
        <UnitSelect control={form.control} buildingId={buildingId} units={units} />
      )}
    </FormDialog>
  );
}

function UnitSelect({
  control,
  buildingId,
  units,
}: {
  control: Control<z.input<typeof linkSchema>, unknown, z.output<typeof linkSchema>>;
  buildingId: number;
  units: RefObject<readonly Unit[]>;
}) {
  const list = useApiQuery('units.list', { buildingId });
  const loaded = list.value?.units;
  useEffect(() => {
    units.current = loaded ?? [];
  }, [loaded, units]);
  const helperText = list.error
    ? list.error.message
    : loaded && loaded.length === 0
      ? 'Nessun alloggio in questo caseggiato: aggiungerlo dalla pagina del caseggiato.'
      : 'Tutti gli alloggi del caseggiato, anche quelli abitati.';
  return (
    <FormSelect
      control={control}
      name="unitId"
      label="Alloggio"
      required
      helperText={helperText}
      options={(loaded ?? []).map((unit) => ({ value: unit.id, label: unitOption(unit) }))}
    />
  );
}
