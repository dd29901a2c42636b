// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {FinancingPool} from "./FinancingPool.sol";
import {HardwareAssetRegistry} from "./HardwareAssetRegistry.sol";

/// @notice Registers the operators that need financing (projects) and creates one FinancingPool per financing
/// round. The indexer discovers every project and pool from this contract's events.
contract PoolFactory is AccessControl {
    struct Project {
        address operator;
        FinancingPool.Category category;
        string name;
        string metadataURI;
        bytes32 metadataHash;
    }

    struct PoolConfig {
        uint256 projectId;
        string name;
        string symbol;
        uint256 depositCap;
        uint256 minDeposit;
        string metadataURI;
        bytes32 metadataHash;
    }

    struct Roles {
        address manager;
        address reporter;
        address pauser;
    }

    IERC20 public immutable usdc;
    HardwareAssetRegistry public immutable registry;

    address public treasury;
    uint16 public protocolFeeBps;
    uint32 public revenueStreamDuration;
    Roles public defaultRoles;

    uint256 public projectCount;
    mapping(uint256 projectId => Project) private _projects;
    address[] public pools;
    mapping(address pool => bool) public isPool;

    event ProjectRegistered(
        uint256 indexed projectId,
        address indexed operator,
        FinancingPool.Category category,
        string name,
        string metadataURI,
        bytes32 metadataHash
    );
    event PoolCreated(
        address indexed pool,
        uint256 indexed projectId,
        address indexed asset,
        FinancingPool.Category category,
        PoolConfig config,
        uint16 protocolFeeBps,
        uint32 revenueStreamDuration
    );
    event ProtocolDefaultsUpdated(
        address treasury, uint16 protocolFeeBps, uint32 revenueStreamDuration, address manager, address reporter, address pauser
    );

    error UnknownProject(uint256 projectId);
    error InvalidProject();

    constructor(
        IERC20 usdc_,
        HardwareAssetRegistry registry_,
        address admin,
        address treasury_,
        uint16 protocolFeeBps_,
        uint32 revenueStreamDuration_,
        Roles memory roles
    ) {
        usdc = usdc_;
        registry = registry_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _setDefaults(treasury_, protocolFeeBps_, revenueStreamDuration_, roles);
    }

    function registerProject(
        address operator,
        FinancingPool.Category category,
        string calldata name,
        string calldata metadataURI,
        bytes32 metadataHash
    ) external onlyRole(DEFAULT_ADMIN_ROLE) returns (uint256 projectId) {
        if (operator == address(0) || bytes(name).length == 0) revert InvalidProject();
        projectId = ++projectCount;
        _projects[projectId] = Project(operator, category, name, metadataURI, metadataHash);
        emit ProjectRegistered(projectId, operator, category, name, metadataURI, metadataHash);
    }

    /// @notice Creates a pool for a project's financing round; the caller becomes the pool's admin.
    function createPool(PoolConfig calldata config) external onlyRole(DEFAULT_ADMIN_ROLE) returns (FinancingPool pool) {
        Project storage project = _existing(config.projectId);
        Roles memory roles = defaultRoles;
        pool = new FinancingPool(
            FinancingPool.Params({
                usdc: usdc,
                registry: registry,
                name: config.name,
                symbol: config.symbol,
                category: project.category,
                projectId: config.projectId,
                depositCap: config.depositCap,
                minDeposit: config.minDeposit,
                metadataURI: config.metadataURI,
                metadataHash: config.metadataHash,
                admin: msg.sender,
                manager: roles.manager,
                reporter: roles.reporter,
                pauser: roles.pauser,
                treasury: treasury,
                protocolFeeBps: protocolFeeBps,
                revenueStreamDuration: revenueStreamDuration
            })
        );
        pools.push(address(pool));
        isPool[address(pool)] = true;
        emit PoolCreated(address(pool), config.projectId, address(usdc), project.category, config, protocolFeeBps, revenueStreamDuration);
    }

    /// @notice Treasury, fee and roles given to pools created from now on (existing pools keep theirs).
    function setDefaults(address treasury_, uint16 protocolFeeBps_, uint32 revenueStreamDuration_, Roles calldata roles)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
    {
        _setDefaults(treasury_, protocolFeeBps_, revenueStreamDuration_, roles);
    }

    function getProject(uint256 projectId) external view returns (Project memory) {
        return _existing(projectId);
    }

    function poolCount() external view returns (uint256) {
        return pools.length;
    }

    function _setDefaults(address treasury_, uint16 protocolFeeBps_, uint32 revenueStreamDuration_, Roles memory roles)
        private
    {
        treasury = treasury_;
        protocolFeeBps = protocolFeeBps_;
        revenueStreamDuration = revenueStreamDuration_;
        defaultRoles = roles;
        emit ProtocolDefaultsUpdated(
            treasury_, protocolFeeBps_, revenueStreamDuration_, roles.manager, roles.reporter, roles.pauser
        );
    }

    function _existing(uint256 projectId) private view returns (Project storage project) {
        project = _projects[projectId];
        if (project.operator == address(0)) revert UnknownProject(projectId);
    }
}
