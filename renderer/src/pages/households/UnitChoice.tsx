import { useEffect } from 'react';
import { useFormContext, useWatch, type FieldValues } from 'react-hook-form';
import { useApiQuery } from '../../api';
import { FormSelect } from '../../forms/FormSelect';
import { useBuildingOptions } from '../../registry/useLists';

interface Props {
  /** Field names in the surrounding form. */
  buildingName: string;
  unitName: string;
  /** The household's own unit is not offered (moving there would change nothing). */
  exceptUnitId?: number;
  autoFocus?: boolean;
}

/** Building, then one of its free units: the two fields that place a household. */
export function UnitChoice({ buildingName, unitName, exceptUnitId, autoFocus }: Props) {
  const { control } = useFormContext<FieldValues>();
  const buildings = useBuildingOptions();
  const buildingId: unknown = useWatch({ control, name: buildingName });
  return (
    <>
      <FormSelect
        control={control}
        name={buildingName}
        label="Caseggiato"
        required
        autoFocus={autoFocus}
        options={buildings.buildings.map((building) => ({
          value: building.id,
          label: `${building.address}, ${building.city}`,
        }))}
      />
      {typeof buildingId === 'number' ? (
        <FreeUnitSelect buildingId={buildingId} unitName={unitName} exceptUnitId={exceptUnitId} />
      ) : (
        <FormSelect
          control={control}
          name={unitName}
          label="Alloggio"
          required
          disabled
          helperText="Scegliere prima il caseggiato."
          options={[]}
        />
      )}
    </>
  );
}

function FreeUnitSelect({
  buildingId,
  unitName,
  exceptUnitId,
}: {
  buildingId: number;
  unitName: string;
  exceptUnitId?: number;
}) {
  const { control, getValues, setValue } = useFormContext<FieldValues>();
  const units = useApiQuery('units.list', { buildingId });
  const loaded = units.value?.units;
  const free = (loaded ?? []).filter((unit) => unit.household === null && unit.id !== exceptUnitId);

  // A unit of another building, or one not free, does not stay chosen.
  useEffect(() => {
    if (!loaded) return;
    const unitId: unknown = getValues(unitName);
    const stillFree = loaded.some(
      (unit) => unit.id === unitId && unit.household === null && unit.id !== exceptUnitId,
    );
    if (typeof unitId === 'number' && !stillFree) setValue(unitName, null);
  }, [loaded, getValues, setValue, unitName, exceptUnitId]);

  const helperText = units.error
    ? units.error.message
    : loaded && free.length === 0
      ? 'Nessun alloggio libero in questo caseggiato: aggiungerne uno dalla pagina del caseggiato.'
      : 'Solo gli alloggi liberi.';

  return (
    <FormSelect
      control={control}
      name={unitName}
      label="Alloggio"
      required
      helperText={helperText}
      options={free.map((unit) => ({
        value: unit.id,
        label: unit.agencyCode ? `${unit.label} (${unit.agencyCode})` : unit.label,
      }))}
    />
  );
}
