import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Control } from 'react-hook-form';
import { FormTextField } from '../../../forms/FormTextField';
import type { SettingGroup, SettingsFormInput, SettingsFormOutput } from './settingsForm';

type SettingsControl = Control<SettingsFormInput, unknown, SettingsFormOutput>;

/** One group of settings: its name and a line on what it does, then its fields. */
export function SettingsGroupRow({ group, control }: { group: SettingGroup; control: SettingsControl }) {
  return (
    <Box
      role="group"
      aria-labelledby={`settings-${group.key}`}
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 5fr) minmax(0, 7fr)' },
        gap: 2,
        py: 1.75,
        borderTop: 1,
        borderColor: 'divider',
        '&:first-of-type': { borderTop: 0, pt: 0.5 },
      }}
    >
      <Box>
        <Typography id={`settings-${group.key}`} sx={{ fontWeight: 600 }}>
          {group.title}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {group.explanation}
        </Typography>
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-start' }}>
        {group.fields.map((field) => (
          <Box key={field.path} sx={{ width: field.money || field.wide ? 200 : 150 }}>
            {field.money ? (
              <FormTextField
                control={control}
                name={field.path}
                label={field.label}
                inputMode="decimal"
                placeholder="1.234,56"
                required
              />
            ) : (
              <FormTextField
                control={control}
                name={field.path}
                label={field.label}
                numeric
                inputMode="numeric"
                required
              />
            )}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
