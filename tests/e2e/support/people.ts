/** The people the tests sign in as. */
export const COOPERATIVE = {
  name: 'Cooperativa Sociale Il Cortile',
  address: 'Via Roma 12, 40121 Bologna',
  phone: '051 123456',
  email: 'info@ilcortile.it',
};

export const ADMIN = {
  fullName: 'Maria Rossi',
  username: 'm.rossi',
  password: 'tre gatti sul tetto rosso',
};

export const OPERATOR = {
  fullName: 'Luca Bianchi',
  username: 'l.bianchi',
  temporaryPassword: 'provvisoria-7Kq2-ZpX',
  password: 'la mia bicicletta verde',
};
