// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {HardwareAssetRegistry} from "../HardwareAssetRegistry.sol";
import {IERC7540Operator, IERC7540Redeem, IERC7887Redeem} from "../interfaces/IERC7540.sol";

/// @dev Bounds shared with PoolFactory, which checks its defaults against them.
uint16 constant POOL_MAX_PROTOCOL_FEE_BPS = 2_000;
uint32 constant POOL_MIN_STREAM_DURATION = 1 hours;
uint32 constant POOL_MAX_STREAM_DURATION = 90 days;

/// @notice FinancingPool's types, state, events and errors, and the constructor that sets them up. Every state
/// variable of the pool is declared here, in this order, so that the storage layout is one list: the modules
/// (PoolAdmin, PoolCapital, PoolRevenue, PoolExitQueue, PoolShares) declare none.
abstract contract PoolStorage is
    ERC4626,
    AccessControl,
    ReentrancyGuardTransient,
    IERC7540Operator,
    IERC7540Redeem,
    IERC7887Redeem
{
    using SafeCast for uint256;

    enum Category {
        Compute,
        Robotics
    }

    enum Status {
        Raising,
        Active,
        Closed
    }

    struct Params {
        IERC20 usdc;
        HardwareAssetRegistry registry;
        string name;
        string symbol;
        Category category;
        uint256 projectId;
        address projectOperator;
        uint256 depositCap;
        uint256 minDeposit;
        bool permissioned;
        string metadataURI;
        bytes32 metadataHash;
        address admin;
        address manager;
        address reporter;
        address guardian;
        address compliance;
        address treasury;
        uint16 protocolFeeBps;
        uint32 revenueStreamDuration;
    }

    /// @dev Outstanding = deployed - repaid - writtenDown; value = outstanding - provision.
    struct AssetCapital {
        uint128 deployed;
        uint128 repaid;
        uint128 writtenDown;
        uint128 recovered;
        uint128 provision;
        uint128 limit;
    }

    /// @dev A queue entry; ids start at 1 so that 0 ends the list.
    struct Request {
        address owner;
        uint48 prev;
        uint48 next;
        address controller;
        uint128 pendingShares;
        uint128 filledShares;
    }

    /// @dev The revenue accumulator and its stream in one slot, read by every share movement. The accumulator is
    /// bounded by the revenue ever released × 1e18 (MIN_ACCRUAL_SUPPLY), so 128 bits hold 3.4e14 USDC of it; what
    /// streams at once fits 64 bits (1.8e13 USDC); times 32 bits (until 2106).
    struct Accrual {
        uint128 accPerShare;
        uint64 remaining;
        uint32 end;
        uint32 updatedAt;
    }

    /// @dev A holder's shares and revenue position in one slot, so settling revenue costs no storage of its own.
    /// Revenue owed = balance × accPerShare − revenueDebt (the MasterChef debt form): a balance change adjusts the
    /// debt by the moved shares' worth, which keeps what was owed without a separate checkpoint and owed amount.
    /// `hasExits` is set once the account has used the exit queue, so holders who never did skip reading it.
    struct Account {
        uint120 balance;
        bool hasExits;
        int128 revenueDebt;
    }

    /// @dev Shares locked in the queue (as owner) and filled shares to claim (as controller), in one slot.
    struct ExitAccount {
        uint128 lockedShares;
        uint128 claimableShares;
    }

    struct Distribution {
        uint256 assetId;
        uint256 amount;
        uint64 periodStart;
        uint64 periodEnd;
    }

    bytes32 public constant POOL_MANAGER_ROLE = keccak256("POOL_MANAGER_ROLE");
    bytes32 public constant REVENUE_REPORTER_ROLE = keccak256("REVENUE_REPORTER_ROLE");
    bytes32 public constant GUARDIAN_ROLE = keccak256("GUARDIAN_ROLE");
    bytes32 public constant COMPLIANCE_ROLE = keccak256("COMPLIANCE_ROLE");

    uint16 public constant MAX_PROTOCOL_FEE_BPS = POOL_MAX_PROTOCOL_FEE_BPS;
    uint32 public constant MIN_STREAM_DURATION = POOL_MIN_STREAM_DURATION;
    uint32 public constant MAX_STREAM_DURATION = POOL_MAX_STREAM_DURATION;
    /// @dev Reward-per-share scale: 1e36 keeps sub-wei precision per share for supplies up to 1e30 shares.
    uint256 internal constant ACC_PRECISION = 1e36;
    /// @dev Revenue is only released to a supply of at least this many shares (one USDC's worth at the first
    /// deposit's price); below it the stream waits, keeping the time it had left. This bounds the accumulator by
    /// the revenue ever released × 1e18, inside 128 bits.
    uint256 internal constant MIN_ACCRUAL_SUPPLY = 1e18;
    /// @dev 10 ** _decimalsOffset(): the virtual shares of OpenZeppelin's ERC-4626 conversion, as a constant.
    uint256 internal constant VIRTUAL_SHARES = 1e12;

    HardwareAssetRegistry public immutable registry;
    Category public immutable category;
    uint256 public immutable projectId;
    /// @notice The only address capital can go to: the project's operator as the factory recorded it.
    address public immutable projectOperator;
    bytes32 public immutable metadataHash;
    /// @notice Pools created permissioned take deposits and share transfers only to allowlisted addresses.
    bool public immutable permissioned;
    /// @notice Smallest revenue distribution (one whole unit of the asset): dust cannot be used to touch the stream.
    uint256 public immutable minDistribution;

    // Storage is packed by what is read and written together: a deposit or an instant exit reads three pool slots
    // and the holder's account and writes one of them (two while revenue streams), where a plain ERC-4626 reads
    // and writes the supply and the balance (gas; see bench/gas.ts). The share balances and supply live here, not
    // in OpenZeppelin's ERC20 slots, for that. USDC amounts: 72 bits hold 4.7e15 USDC, 64 bits 1.8e13.
    string public metadataURI;

    // What every deposit and exit writes: the share supply and idle cash; and what each checks: the pause and the
    // exit queue's head (an instant exit must not jump the queue). _depositShares reads this slot and the next as
    // words: keep their order and widths.
    uint128 internal _shareSupply;
    uint72 public idle;
    uint48 public queueHead;
    bool internal _paused;

    // What every deposit and exit reads: the status, the deposit limits and the rest of the principal.
    Status public status;
    uint64 public depositCap;
    uint48 internal _minDeposit;
    uint72 public outstandingPrincipal;
    uint64 public totalProvisions;

    Accrual internal _accrual;
    mapping(address account => Account) internal _accounts;

    address public treasury;
    uint16 public protocolFeeBps;
    uint32 public revenueStreamDuration;
    mapping(uint256 assetId => AssetCapital) public assetCapital;

    // Queued exits' totals.
    uint128 public pendingRedeemShares;
    uint128 public reservedForRedemptions;

    // Real yield.
    /// @notice USDC owed to shareholders: streaming, released and not yet claimed. Never counted as principal.
    uint128 public revenueHeld;
    uint128 public totalRevenueClaimed;
    uint256 public totalRevenueDistributed;

    // Queued exits.
    mapping(uint256 requestId => Request) internal _requests;
    uint48 public queueTail;
    uint48 public redeemRequestCount;
    mapping(address account => ExitAccount) internal _exits;
    mapping(address controller => uint256) internal _claimableAssets;
    mapping(address controller => mapping(address operator => bool)) public override isOperator;

    mapping(address account => bool) public isAllowed;

    event PoolStatusChanged(Status previousStatus, Status status);
    event DepositLimitsUpdated(uint256 depositCap, uint256 minDeposit);
    event ProtocolFeeUpdated(address treasury, uint16 protocolFeeBps);
    event AssetLimitUpdated(uint256 indexed assetId, uint256 limit);
    event CapitalDeployed(uint256 indexed assetId, address indexed operator, uint256 amount);
    event PrincipalRepaid(uint256 indexed assetId, address indexed payer, uint256 amount);
    event ProvisionUpdated(uint256 indexed assetId, uint256 previousProvision, uint256 provision);
    event PrincipalWrittenDown(uint256 indexed assetId, uint256 amount);
    event PrincipalRecovered(uint256 indexed assetId, address indexed payer, uint256 amount);
    event RevenueDistributed(
        uint256 indexed assetId,
        uint256 grossAmount,
        uint256 protocolFee,
        uint256 netAmount,
        uint64 periodStart,
        uint64 periodEnd,
        uint64 streamEnd
    );
    event RevenueClaimed(address indexed account, address indexed receiver, uint256 amount);
    event RedeemRequestFilled(
        uint256 indexed requestId, address indexed controller, address indexed owner, uint256 shares, uint256 assets
    );
    /// @notice A claim of filled redemptions; the ERC-4626 Withdraw event follows it in the same transaction.
    event RedemptionClaimed(address indexed controller, address indexed receiver, uint256 shares, uint256 assets);
    event AllowlistUpdated(address indexed account, bool allowed);
    event Paused(address account);
    event Unpaused(address account);

    error DepositsClosed();
    error BelowMinimumDeposit(uint256 assets, uint256 minDeposit);
    error BelowMinimumRequest(uint256 assets, uint256 minimum);
    error BelowMinimumDistribution(uint256 amount, uint256 minimum);
    error FeeOnTransferNotSupported(uint256 expected, uint256 received);
    error AssetNotInPool(uint256 assetId);
    error AssetNotFinanceable(uint256 assetId);
    error AssetOperatorNotProject(uint256 assetId, address operator);
    error AssetNotImpaired(uint256 assetId);
    error ExceedsAssetLimit(uint256 assetId, uint256 outstandingAfter, uint256 limit);
    error ExceedsDeployable(uint256 requested, uint256 deployable);
    error ExceedsOutstanding(uint256 assetId, uint256 amount, uint256 outstanding);
    error ExceedsProvision(uint256 assetId, uint256 amount, uint256 provision);
    error ExceedsWrittenDown(uint256 assetId, uint256 amount, uint256 recoverable);
    error ProvisionNotRaised(uint256 assetId, uint256 current, uint256 requested);
    error InvalidPeriod(uint64 periodStart, uint64 periodEnd);
    error InvalidParameter();
    error InvalidStatusChange(Status from, Status to);
    error SharesLocked(address owner, uint256 requested, uint256 unlocked);
    error UnknownRequest(uint256 requestId);
    error NotControllerOrOperator(address controller, address caller);
    error ExceedsClaimable(uint256 requested, uint256 claimable);
    error NotAllowed(address account);
    error NothingToClaim();
    error ZeroAmount();
    error EnforcedPause();
    error ExpectedPause();

    constructor(Params memory p) ERC20(p.name, p.symbol) ERC4626(p.usdc) {
        if (
            address(p.registry) == address(0) || p.admin == address(0) || p.treasury == address(0)
                || p.projectOperator == address(0) || p.protocolFeeBps > MAX_PROTOCOL_FEE_BPS
                || p.revenueStreamDuration < MIN_STREAM_DURATION || p.revenueStreamDuration > MAX_STREAM_DURATION
                || p.minDeposit > p.depositCap
        ) revert InvalidParameter();
        registry = p.registry;
        category = p.category;
        projectId = p.projectId;
        projectOperator = p.projectOperator;
        metadataHash = p.metadataHash;
        permissioned = p.permissioned;
        minDistribution = 10 ** (decimals() - _decimalsOffset());
        metadataURI = p.metadataURI;
        depositCap = p.depositCap.toUint64();
        _minDeposit = p.minDeposit.toUint48();
        treasury = p.treasury;
        protocolFeeBps = p.protocolFeeBps;
        revenueStreamDuration = p.revenueStreamDuration;
        _grantRole(DEFAULT_ADMIN_ROLE, p.admin);
        if (p.manager != address(0)) _grantRole(POOL_MANAGER_ROLE, p.manager);
        if (p.reporter != address(0)) _grantRole(REVENUE_REPORTER_ROLE, p.reporter);
        if (p.guardian != address(0)) _grantRole(GUARDIAN_ROLE, p.guardian);
        if (p.compliance != address(0)) _grantRole(COMPLIANCE_ROLE, p.compliance);
    }
}
