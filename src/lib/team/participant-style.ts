// The participant's styles, loaded by participant.ts before it shows anything (see there why apart).
import './participant.css';
