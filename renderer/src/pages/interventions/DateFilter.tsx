import { DesktopDatePicker } from '@mui/x-date-pickers/DesktopDatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { DATE_FORMAT } from '../../forms/FormDateField';

interface Props {
  label: string;
  /** `YYYY-MM-DD` or null. */
  value: string | null;
  onChange: (value: string | null) => void;
}

/** A date filter outside any form: applied once the typed date is complete, cleared when emptied. */
export function DateFilter({ label, value, onChange }: Props) {
  const [shown, setShown] = useState<{ value: string | null; day: Dayjs | null }>({
    value,
    day: value ? dayjs(value) : null,
  });
  if (shown.value !== value && (shown.day === null || shown.day.isValid())) {
    setShown({ value, day: value ? dayjs(value) : null });
  }
  return (
    <DesktopDatePicker
      label={label}
      format={DATE_FORMAT}
      value={shown.day}
      enableAccessibleFieldDOMStructure={false}
      onChange={(day) => {
        const next = day === null ? null : day.isValid() ? day.format('YYYY-MM-DD') : undefined;
        setShown({ value: next ?? shown.value, day });
        if (next !== undefined) onChange(next);
      }}
      slotProps={{
        textField: { sx: { width: 180 } },
        field: { clearable: true },
        openPickerButton: { 'aria-label': `Scegli ${label.toLowerCase()} dal calendario` },
      }}
    />
  );
}
