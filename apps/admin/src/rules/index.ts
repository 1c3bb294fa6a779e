import RuleIcon from '@mui/icons-material/Rule';
import { RuleList } from './RuleList';
import { RuleCreate, RuleEdit } from './RuleForm';

export default { list: RuleList, edit: RuleEdit, create: RuleCreate, icon: RuleIcon, recordRepresentation: 'ruleId' };
