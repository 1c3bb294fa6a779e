import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
function deepmerge<T>(a: T, b: unknown): T {
  if (!isPlain(a) || !isPlain(b)) return b as T;
  const out: Plain = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isPlain(v) && isPlain(out[k]) ? deepmerge(out[k], v) : v;
  return out as T;
}

/**
 * Light and dark themes from react-admin's default, with colours chosen for WCAG AA contrast
 * (4.5:1 for text): MUI picks the chip/button text colour with contrastThreshold 4.5, and the
 * warning/info shades are darker in light mode than MUI's defaults.
 */
const shared: RaThemeOptions = {
  shape: { borderRadius: 8 },
  components: {
    RaAppBar: { defaultProps: { color: 'primary' } },
    MuiChip: { styleOverrides: { root: { fontWeight: 500 } } },
    // react-admin greys the "No items yet" message with text.disabled, below AA contrast.
    RaEmpty: { styleOverrides: { root: ({ theme }: { theme: { palette: { text: { secondary: string } } } }) => ({ '& .RaEmpty-message': { color: theme.palette.text.secondary } }) } },
  } as RaThemeOptions['components'],
};

export const lightTheme: RaThemeOptions = deepmerge(deepmerge(defaultLightTheme, shared), {
  palette: {
    mode: 'light',
    contrastThreshold: 4.5,
    primary: { main: '#1a4d8f' },
    secondary: { main: '#23395d' },
    error: { main: '#b71c1c' },
    warning: { main: '#9a4a00' },
    info: { main: '#0b5cad' },
    success: { main: '#1e6b24' },
    background: { default: '#f5f6f8' },
  },
});

export const darkTheme: RaThemeOptions = deepmerge(deepmerge(defaultDarkTheme, shared), {
  palette: {
    mode: 'dark',
    contrastThreshold: 4.5,
    primary: { main: '#90b8f0' },
    secondary: { main: '#b0c4de' },
    error: { main: '#ffa59e' },
    warning: { main: '#ffb74d' },
    info: { main: '#81c7f5' },
    success: { main: '#81c784' },
  },
});
