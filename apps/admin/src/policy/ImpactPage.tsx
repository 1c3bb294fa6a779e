import { Card, CardContent, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { ImpactPanel } from './ImpactPanel';

export default function ImpactPage() {
  const t = useTranslate();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('airlock.impact.title')} />
      <CardContent>
        <Typography variant="h5" component="h2" gutterBottom>
          {t('airlock.impact.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('airlock.impact.explain')}
        </Typography>
        <ImpactPanel />
      </CardContent>
    </Card>
  );
}
