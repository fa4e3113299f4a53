import SearchIcon from '@mui/icons-material/Search';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type HTMLAttributes } from 'react';
import { useNavigate } from 'react-router';
import type { SearchResult } from '../../../shared/contract';
import { useGuardedCall } from '../api';
import { queryKeyOf } from '../api/keys';
import { useQueriesEnabled } from '../api/QueriesEnabled';
import { HOUSEHOLD_STATUS_LABELS } from '../registry/labels';
import { useGlobalShortcut } from './useGlobalShortcut';

const MIN_CHARS = 2;
const DEBOUNCE_MS = 150;

function ResultLine({ result }: { result: SearchResult }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography component="span" sx={{ fontWeight: 600 }}>
        {result.code}
      </Typography>
      <Typography component="span">{` · ${result.referenceName ?? 'senza intestatario'}`}</Typography>
      {result.status !== 'attivo' && (
        <Chip size="small" variant="outlined" label={HOUSEHOLD_STATUS_LABELS[result.status]} sx={{ ml: 1 }} />
      )}
      {result.matchedMember && (
        <Typography variant="body2" color="text.secondary">
          trovato: {result.matchedMember}
        </Typography>
      )}
      <Typography variant="body2" color="text.secondary" noWrap>
        {result.buildingAddress} · {result.unitLabel}
      </Typography>
    </Box>
  );
}

/**
 * The app bar's household search: results as one types (name or surname of
 * any member, codice fiscale, phone, code, address, unit code). Ctrl+K or "/"
 * focuses it from anywhere; Enter or a click opens the household.
 */
export function HouseholdSearch() {
  const navigate = useNavigate();
  const guardedCall = useGuardedCall();
  const enabled = useQueriesEnabled();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [q, setQ] = useState('');

  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const searching = q.length >= MIN_CHARS;
  const input = { q, limit: 10 };
  const query = useQuery({
    queryKey: queryKeyOf('search.households', input),
    queryFn: () => guardedCall('search.households', input),
    enabled: enabled && searching,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  const answer = searching ? query.data : undefined;
  const results = answer?.ok ? answer.value.results : [];
  const error = answer && !answer.ok ? answer.error.message : null;

  useGlobalShortcut(enabled, () => {
    inputRef.current?.focus();
    inputRef.current?.select();
  });

  const open = (result: SearchResult) => {
    setText('');
    setQ('');
    inputRef.current?.blur();
    void navigate(`/nuclei/${result.id}`);
  };

  const noOptionsText =
    text.trim().length < MIN_CHARS
      ? 'Scrivere almeno 2 caratteri: nome o cognome, codice fiscale, telefono, codice del nucleo, indirizzo o codice alloggio.'
      : (error ?? (query.isFetching || text.trim() !== q ? 'Ricerca…' : 'Nessun nucleo trovato.'));

  return (
    <Autocomplete<SearchResult>
      options={results}
      value={null}
      inputValue={text}
      onInputChange={(_event, value, reason) => {
        if (reason === 'input' || reason === 'clear') setText(value);
      }}
      onChange={(_event, value) => {
        if (value) open(value);
      }}
      filterOptions={(options) => options}
      getOptionLabel={(option) => `${option.code} ${option.referenceName ?? ''}`}
      isOptionEqualToValue={(option, value) => option.id === value.id}
      autoHighlight
      blurOnSelect
      clearOnBlur={false}
      handleHomeEndKeys={false}
      loading={searching && query.isFetching && results.length === 0}
      loadingText="Ricerca…"
      noOptionsText={noOptionsText}
      openText="Mostra i risultati"
      closeText="Chiudi"
      clearText="Cancella"
      popupIcon={null}
      sx={{ width: 380, flexShrink: 1, minWidth: 220 }}
      slotProps={{
        paper: { sx: { width: 460 } },
        listbox: { 'aria-label': 'Nuclei trovati' } as HTMLAttributes<HTMLUListElement>,
      }}
      renderOption={(props, option) => {
        const { key, ...rest } = props;
        return (
          <Box component="li" key={key} {...rest} sx={{ py: 1 }}>
            <ResultLine result={option} />
          </Box>
        );
      }}
      renderInput={(params) => (
        <TextField
          id={params.id}
          disabled={params.disabled}
          fullWidth={params.fullWidth}
          inputRef={inputRef}
          placeholder="Cerca nucleo (Ctrl+K)"
          size="small"
          slotProps={{
            input: {
              ...params.InputProps,
              startAdornment: (
                <InputAdornment position="start" sx={{ color: 'inherit' }}>
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
            htmlInput: { ...params.inputProps, 'aria-label': 'Cerca nucleo' },
            inputLabel: params.InputLabelProps,
          }}
          sx={{
            '& .MuiOutlinedInput-root': {
              color: 'common.white',
              bgcolor: 'rgba(255,255,255,0.14)',
              '& fieldset': { borderColor: 'rgba(255,255,255,0.35)' },
              '&:hover fieldset': { borderColor: 'rgba(255,255,255,0.7)' },
              '&.Mui-focused': { bgcolor: 'background.paper', color: 'text.primary' },
              '&.Mui-focused fieldset': { borderColor: '#fff', borderWidth: 2 },
            },
            '& input::placeholder': { color: 'inherit', opacity: 0.85 },
          }}
        />
      )}
    />
  );
}
