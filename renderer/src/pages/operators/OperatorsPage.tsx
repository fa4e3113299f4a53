import AddIcon from '@mui/icons-material/PersonAddAlt1Outlined';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { Operator } from '../../../../shared/contract';
import { useApiQuery } from '../../api';
import { useSession } from '../../app/SessionContext';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { AddOperatorDialog } from './AddOperatorDialog';
import { EditOperatorDialog } from './EditOperatorDialog';
import type { OperatorAction } from './OperatorActions';
import { OperatorsTable } from './OperatorsTable';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { useDeactivate } from './useDeactivate';

type Open = { action: Exclude<OperatorAction, 'deactivate'>; operator: Operator } | null;

export function OperatorsPage() {
  const list = useApiQuery('operators.list', {});
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const deactivate = useDeactivate();
  const { operator: self } = useSession();
  const close = () => setOpen(null);

  const onAction = (action: OperatorAction, operator: Operator) => {
    if (action === 'deactivate') void deactivate(operator);
    else setOpen({ action, operator });
  };

  return (
    <>
      <PageHeader
        title="Operatori"
        action={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
            Aggiungi operatore
          </Button>
        }
      />
      <Typography color="text.secondary" sx={{ mb: 2, maxWidth: 720 }}>
        Chi può accedere a Cortile e con quale ruolo. Un operatore disattivato non può più accedere; i suoi
        dati restano.
      </Typography>
      {list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      {list.value && <OperatorsTable operators={list.value.operators} selfId={self.id} onAction={onAction} />}
      {list.isPending && !list.error && <Loading label="Caricamento degli operatori" />}
      <AddOperatorDialog open={adding} onClose={() => setAdding(false)} />
      {open?.action === 'edit' && (
        <EditOperatorDialog operator={open.operator} isSelf={open.operator.id === self.id} onClose={close} />
      )}
      {(open?.action === 'resetPassword' || open?.action === 'reactivate') && (
        <ResetPasswordDialog
          operator={open.operator}
          reactivate={open.action === 'reactivate'}
          onClose={close}
        />
      )}
    </>
  );
}
