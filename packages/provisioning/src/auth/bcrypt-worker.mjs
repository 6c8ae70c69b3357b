// Runs in a worker thread: bcryptjs is plain JavaScript, so hashing on the main thread would
// block every other request for ~70 ms per password.
import bcrypt from 'bcryptjs';

export default ({ op, password, hash, cost }) =>
  op === 'hash' ? bcrypt.hash(password, cost) : bcrypt.compare(password, hash);
