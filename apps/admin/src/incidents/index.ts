import ReportIcon from '@mui/icons-material/Report';
import { IncidentCreate } from './IncidentCreate';
import { IncidentList } from './IncidentList';
import { IncidentShow } from './IncidentShow';

export default { list: IncidentList, show: IncidentShow, create: IncidentCreate, icon: ReportIcon, recordRepresentation: (r: { number: number; title: string }) => `#${r.number} ${r.title}` };
