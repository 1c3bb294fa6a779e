import { Autocomplete, Box, TextField } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { SearchOutput } from '@airlock/contracts/types';
import { apiGet } from '../api/http';
import { usePermission } from '../common/hooks';

interface Option {
  group: 'services' | 'rules' | 'incidents' | 'users' | 'apiClients';
  key: string;
  label: string;
  to: string;
}

/** Where each kind of result opens (users: the list filtered to the person, for roles that cannot edit). */
function optionsOf(r: SearchOutput, canEditUsers: boolean): Option[] {
  return [
    ...r.services.map((s): Option => ({ group: 'services', key: s.id, label: s.name, to: `/providers/${s.id}/show` })),
    ...r.rules.map((x): Option => ({ group: 'rules', key: x.id, label: x.description ? `${x.ruleId} — ${x.description}` : x.ruleId, to: `/rules/${x.id}` })),
    ...r.incidents.map((i): Option => ({ group: 'incidents', key: i.id, label: `#${i.number} ${i.title}`, to: `/incidents/${i.id}/show` })),
    ...r.users.map((u): Option => ({
      group: 'users',
      key: u.id,
      label: u.name ? `${u.name} <${u.email}>` : u.email,
      to: canEditUsers ? `/users/${u.id}` : `/users?filter=${encodeURIComponent(JSON.stringify({ q: u.email }))}`,
    })),
    ...r.apiClients.map((c): Option => ({ group: 'apiClients', key: c.id, label: c.name, to: `/api-clients/${c.id}/show` })),
  ];
}

/** The app bar's search: services, rules, incidents, people and API clients of the organization. */
export function GlobalSearch() {
  const t = useTranslate();
  const navigate = useNavigate();
  const canEditUsers = usePermission('users.write');
  const [input, setInput] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    const q = input.trim();
    if (q.length < 2) {
      setOptions([]);
      return;
    }
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      apiGet<SearchOutput>(`/api/search?q=${encodeURIComponent(q)}`)
        .then((r) => live && setOptions(optionsOf(r, canEditUsers)))
        .catch(() => live && setOptions([]))
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [input, canEditUsers]);
  return (
    <Autocomplete<Option>
      id="global-search"
      size="small"
      sx={{ width: { xs: 160, md: 300 }, mx: 1 }}
      options={options}
      groupBy={(o) => t(`airlock.search.${o.group}`)}
      getOptionLabel={(o) => o.label}
      getOptionKey={(o) => `${o.group}:${o.key}`}
      filterOptions={(x) => x}
      loading={loading}
      inputValue={input}
      onInputChange={(_, v) => setInput(v)}
      value={null}
      blurOnSelect
      clearOnBlur={false}
      noOptionsText={input.trim().length < 2 ? t('airlock.search.tooShort') : t('airlock.search.none')}
      loadingText={t('ra.page.loading')}
      onChange={(_, o) => {
        if (o) {
          setInput('');
          void navigate(o.to);
        }
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          placeholder={t('airlock.search.placeholder')}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'aria-label': t('airlock.search.label') },
            input: {
              ...params.slotProps.input,
              startAdornment: (
                <Box component="span" sx={{ display: 'flex', color: 'inherit', opacity: 0.8 }} aria-hidden>
                  <SearchIcon fontSize="small" />
                </Box>
              ),
            },
          }}
          sx={{
            '& .MuiOutlinedInput-root': { color: 'inherit', bgcolor: 'rgba(255,255,255,0.15)' },
            '& .MuiOutlinedInput-notchedOutline': { borderColor: 'rgba(255,255,255,0.4)' },
            '& input::placeholder': { color: 'inherit', opacity: 0.85 },
            '& .MuiAutocomplete-endAdornment .MuiSvgIcon-root': { color: 'inherit' },
          }}
        />
      )}
    />
  );
}
