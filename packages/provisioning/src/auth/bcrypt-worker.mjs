// Runs in a worker thread: bcryptjs is plain JavaScript, so hashing on the main thread would
// block every other request for ~70 ms per password.
import { getPriority, setPriority } from 'node:os';
import bcrypt from 'bcryptjs';

// Hashing is the bulk work of a signup burst. Ten nice levels below the process (on Linux the
// nice value is per thread) it still gets every idle cycle, but yields the cores at once to the
// event loop and the database when they have a request to answer.
const HASHING_NICENESS = 10;
if (process.platform === 'linux') setPriority(Math.min(19, getPriority() + HASHING_NICENESS));

export default ({ op, password, hash, cost }) =>
  op === 'hash' ? bcrypt.hash(password, cost) : bcrypt.compare(password, hash);
