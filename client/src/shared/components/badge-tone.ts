export type BadgeTone = 'neutral' | 'info' | 'progress' | 'success' | 'warning' | 'danger';
