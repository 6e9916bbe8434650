import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// antd's components' styles, static (the theme's zeroRuntime, app.tsx).
import 'antd/dist/antd.css';
import { App } from './app';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
