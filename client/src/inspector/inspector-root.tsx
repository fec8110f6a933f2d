import { Outlet } from 'react-router';
import '../shared/components.css';
import './inspector.css';

/** The /inspectie subtree: its styles load with it, so the respondent bundle stays free of them. */
export function InspectorRoot() {
  return <Outlet />;
}
