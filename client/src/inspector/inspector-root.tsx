import { Outlet } from 'react-router';
import '../shared/components.css';
import './inspector.css';

/** The /inspectie subtree: its styles load with it, so the respondent bundle stays free of them. */
export function InspectorRoot() {
  return <Outlet />;
}

export function InspectorLoading() {
  return (
    <div className="inspector-loading" role="status">
      Bezig met laden…
    </div>
  );
}
