// Set up Alongside: From a fresh server to colleagues using it.
import { Page } from '../ui/page';

export default function SetupPage() {
  return <Page title="Set up Alongside" intro="From a fresh server to colleagues using it.">{null}</Page>;
}
