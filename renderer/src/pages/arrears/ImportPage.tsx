import Box from '@mui/material/Box';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { PageBreadcrumbs } from '../buildings/PageBreadcrumbs';
import { LeaveGuard } from '../households/LeaveGuard';
import { FileStep } from './import/FileStep';
import { MappingStep } from './import/MappingStep';
import { PreviewStep } from './import/PreviewStep';
import { ResultStep } from './import/ResultStep';
import { STEPS, useImportWizard } from './import/useImportWizard';

const STEP_TITLES = [
  '1. Scegliere il file',
  '2. Controllare le colonne',
  '3. Controllare l’anteprima',
  '4. Esito',
] as const;

/** Importing a rent-arrears statement: file, columns, preview, then one write. */
export function ImportPage() {
  const wizard = useImportWizard();
  const navigate = useNavigate();
  const heading = useRef<HTMLHeadingElement>(null);
  const { step } = wizard;

  // Each step starts at its title, for keyboard and screen reader users.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  return (
    <>
      <PageBreadcrumbs crumbs={[{ label: 'Morosità', to: '/morosita' }, { label: 'Importa estratto' }]} />
      <PageHeader title="Importa estratto della morosità" windowTitle="Importa estratto" />
      <Stepper activeStep={step} sx={{ mb: 3, maxWidth: 860 }} aria-label="Passi dell’importazione">
        {STEPS.map((label, index) => (
          <Step key={label} completed={index < step || (index === 3 && step === 3)}>
            <StepLabel>{label}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Typography variant="h2" component="h2" ref={heading} tabIndex={-1} sx={{ mb: 2, outline: 'none' }}>
        {STEP_TITLES[step]}
      </Typography>
      <Box>
        {step === 0 && <FileStep wizard={wizard} onCancel={() => void navigate('/morosita')} />}
        {step === 1 && <MappingStep wizard={wizard} />}
        {step === 2 && <PreviewStep wizard={wizard} />}
        {step === 3 && <ResultStep wizard={wizard} />}
      </Box>
      <LeaveGuard
        shouldBlock={() => wizard.preview !== null && wizard.result === null}
        message="L’estratto non è stato ancora importato: uscendo, le scelte fatte (colonne, righe collegate o saltate) vanno perse e nulla viene scritto."
      />
    </>
  );
}
