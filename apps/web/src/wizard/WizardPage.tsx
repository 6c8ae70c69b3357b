/** Placeholder until the signup wizard lands (issue 4). */
export default function WizardPage() {
  return (
    <main>
      <h1>Studio einrichten</h1>
    </main>
  );
}
