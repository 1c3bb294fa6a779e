import type { Detector } from './detector';
import { awsAccessKeyIdDetector } from './detectors/aws-access-key-id-detector';
import { awsSecretAccessKeyDetector } from './detectors/aws-secret-access-key-detector';
import { bankAccountDetector } from './detectors/bank-account-detector';
import { bankRoutingDetector } from './detectors/bank-routing-detector';
import { classificationMarkingDetector } from './detectors/classification-marking-detector';
import { connectionStringDetector } from './detectors/connection-string-detector';
import { creativeWorkDetector } from './detectors/creative-work-detector';
import { dateOfBirthDetector } from './detectors/date-of-birth-detector';
import { emailDetector } from './detectors/email-detector';
import { esDniDetector } from './detectors/es-dni-detector';
import { genericSecretDetector } from './detectors/generic-secret-detector';
import { healthDetector } from './detectors/health-detector';
import { ibanDetector } from './detectors/iban-detector';
import { intlIdDetector } from './detectors/intl-id-detector';
import { labelledIdDetector } from './detectors/labelled-id-detector';
import { ipAddressDetector } from './detectors/ip-address-detector';
import { jwtDetector } from './detectors/jwt-detector';
import { nationalIdDetector } from './detectors/national-id-detector';
import { passportNumberDetector } from './detectors/passport-number-detector';
import { passwordAssignmentDetector } from './detectors/password-assignment-detector';
import { paymentCardDetector } from './detectors/payment-card-detector';
import { personNameDetector } from './detectors/person-name-detector';
import { phoneNumberDetector } from './detectors/phone-number-detector';
import { privateKeyDetector } from './detectors/private-key-detector';
import { sourceCodeDetector } from './detectors/source-code-detector';
import { streetAddressDetector } from './detectors/street-address-detector';
import { tokenPrefixDetector } from './detectors/token-prefix-detector';
import { ukNinoDetector } from './detectors/uk-nino-detector';
import { usSsnDetector } from './detectors/us-ssn-detector';

/** Every built-in detector, in the order they run. */
export const BUILT_IN_DETECTORS: readonly Detector[] = [
  privateKeyDetector,
  awsAccessKeyIdDetector,
  awsSecretAccessKeyDetector,
  tokenPrefixDetector,
  jwtDetector,
  passwordAssignmentDetector,
  connectionStringDetector,
  genericSecretDetector,
  emailDetector,
  phoneNumberDetector,
  dateOfBirthDetector,
  streetAddressDetector,
  personNameDetector,
  ipAddressDetector,
  usSsnDetector,
  ukNinoDetector,
  passportNumberDetector,
  nationalIdDetector,
  intlIdDetector,
  labelledIdDetector,
  esDniDetector,
  paymentCardDetector,
  ibanDetector,
  bankRoutingDetector,
  bankAccountDetector,
  healthDetector,
  classificationMarkingDetector,
  sourceCodeDetector,
  creativeWorkDetector,
];
