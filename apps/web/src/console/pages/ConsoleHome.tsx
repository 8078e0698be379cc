import { Navigate } from 'react-router';
import { useMe } from '../lib/me';
import { homeOf } from '../lib/roles';

/** /console: where the role starts (check-in staff at the desk, the others at their activities). */
export default function ConsoleHome() {
  const me = useMe();
  return me.data ? <Navigate to={homeOf(me.data.role)} replace /> : null;
}
