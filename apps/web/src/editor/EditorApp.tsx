/** Placeholder until the settings editor lands (issue 5). */
export default function EditorApp() {
  return (
    <main>
      <h1>Einstellungen</h1>
    </main>
  );
}
