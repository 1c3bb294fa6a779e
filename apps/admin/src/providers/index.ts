import SmartToyIcon from '@mui/icons-material/SmartToy';
import { ProviderList } from './ProviderList';
import { ProviderShow } from './ProviderShow';
import { ProviderCreate, ProviderEdit } from './ProviderForm';

export default { list: ProviderList, show: ProviderShow, edit: ProviderEdit, create: ProviderCreate, icon: SmartToyIcon, recordRepresentation: 'name' };
